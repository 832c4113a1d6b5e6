export * from './institution.entity';
export * from './institution-closure.entity';
export * from './group.entity';
export * from './user.entity';
export * from './role-assignment.entity';
export * from './enrolment.entity';
export * from './guardianship.entity';
export * from './staff-assignment.entity';
