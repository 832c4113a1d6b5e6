export * from './lesson.entity';
export * from './mark.entity';
export * from './lesson-reminder.entity';
export * from './lesson-attendance.entity';
