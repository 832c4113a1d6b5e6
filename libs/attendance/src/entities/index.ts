export * from './absence-notice.entity';
export * from './absence-period.entity';
export * from './group-meals.entity';
export * from './student-diet.entity';
export * from './meal-report.entity';
