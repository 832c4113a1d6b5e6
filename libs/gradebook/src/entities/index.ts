export * from './lesson.entity';
export * from './mark.entity';
export * from './lesson-reminder.entity';
export * from './lesson-attendance.entity';
export * from './grade-statement.entity';
export * from './test-mark-reminder.entity';
export * from './overdue-summary.entity';
