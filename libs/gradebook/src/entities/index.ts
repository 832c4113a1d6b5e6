export * from './lesson.entity';
export * from './mark.entity';
