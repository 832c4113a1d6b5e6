import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance/attendance.module';
import { AbsencesController } from './absences.controller';
import { AbsencesService } from './absences.service';
import { MealChanges } from './meal-changes';

@Module({ imports: [AttendanceModule], controllers: [AbsencesController], providers: [AbsencesService, MealChanges], exports: [AbsencesService, MealChanges] })
export class AbsencesModule {}
