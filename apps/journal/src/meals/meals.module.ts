import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance/attendance.module';
import { MealsController } from './meals.controller';
import { MealsService } from './meals.service';

@Module({ imports: [AttendanceModule], controllers: [MealsController], providers: [MealsService] })
export class MealsModule {}
