import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance/attendance.module';
import { LessonsController } from '../lessons/lessons.controller';
import { LessonsService } from '../lessons/lessons.service';
import { MarksController } from './marks.controller';
import { MarksService } from './marks.service';

/** The journal proper: lessons (topic, homework, substitutes) and marks. */
@Module({ imports: [AttendanceModule], controllers: [LessonsController, MarksController], providers: [LessonsService, MarksService] })
export class GradebookModule {}
