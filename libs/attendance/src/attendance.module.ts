import { Module } from '@nestjs/common';
import { InstitutionRules } from './institution-rules';
import { MealCounts } from './meal-counts';

/** The absence and meal rules for the apps that need them (the journal answers, the worker reports). */
@Module({ providers: [InstitutionRules, MealCounts], exports: [InstitutionRules, MealCounts] })
export class AttendanceModule {}
