import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance/attendance.module';
import { AbsencesModule } from '../absences/absences.module';
import { LessonAttendanceController } from '../lessons/lesson-attendance.controller';
import { LessonAttendanceService } from '../lessons/lesson-attendance.service';
import { LessonsController } from '../lessons/lessons.controller';
import { LessonsService } from '../lessons/lessons.service';
import { MarksController } from './marks.controller';
import { MarksService } from './marks.service';

/** The journal proper: lessons (topic, homework, substitutes, attendance) and marks. */
@Module({
  imports: [AttendanceModule, AbsencesModule],
  controllers: [LessonsController, LessonAttendanceController, MarksController],
  providers: [LessonsService, LessonAttendanceService, MarksService],
})
export class GradebookModule {}
