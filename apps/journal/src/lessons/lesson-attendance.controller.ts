import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { RecordAttendanceDto, StudentAttendanceQuery } from './lesson-attendance.dto';
import { LessonAttendanceService } from './lesson-attendance.service';

const uuid = new ParseUUIDPipe({ version: undefined });

const ATTENDANCE_EXAMPLE = {
  lessonId: '3b1c2d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  date: '2026-10-14',
  takenAt: '2026-10-14T07:05:00.000Z',
  items: [
    { studentId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4', displayName: 'Anna Kalniņa', status: 'absent', absence: { id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', excused: true } },
    { studentId: '1f2e3d4c-5b6a-4798-a6b5-c4d3e2f1a0b9', displayName: 'Jānis Ozols', status: 'late', absence: null },
  ],
};

@ApiTags('journal')
@ApiBearerAuth()
@Controller()
export class LessonAttendanceController {
  constructor(private readonly attendance: LessonAttendanceService) {}

  @Put('lessons/:id/attendance')
  @ApiOperation({ summary: 'Record who was absent or late in a lesson; an absence without a notice becomes the child’s unexcused absence record for the day; audited' })
  @ApiResponse({ status: 200, schema: { example: ATTENDANCE_EXAMPLE } })
  @ApiResponse({ status: 404, description: 'LESSON_NOT_FOUND: not a lesson the caller may change' })
  @ApiResponse({ status: 422, description: 'STUDENT_NOT_IN_GROUP · STUDENT_LISTED_TWICE', schema: { example: { error: { code: 'STUDENT_NOT_IN_GROUP', message: 'A listed student is not in the lesson’s group on its date', details: [{ field: 'entries.0.studentId', issue: 'not enrolled in the lesson’s group that day' }] } } } })
  record(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RecordAttendanceDto) {
    return this.attendance.record(actor, id, dto);
  }

  @Get('lessons/:id/attendance')
  @ApiOperation({ summary: 'A lesson’s attendance with each child’s absence record (excused or not): its teachers, the nurse, management' })
  @ApiResponse({ status: 200, schema: { example: ATTENDANCE_EXAMPLE } })
  read(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.attendance.read(actor, id);
  }

  @Get('students/:id/attendance')
  @ApiOperation({ summary: 'A child’s absence records and lesson attendance from ?from to ?to (guardians their own children, the student, their teachers, the nurse, management; others 404)' })
  @ApiResponse({
    status: 200,
    schema: {
      example: {
        studentId: ATTENDANCE_EXAMPLE.items[0].studentId,
        from: '2026-10-01',
        to: '2026-10-31',
        absences: [{ id: ATTENDANCE_EXAMPLE.items[0].absence!.id, excused: false, from: '2026-10-14', to: '2026-10-14', recordedInLesson: true }],
        lessons: [{ lessonId: ATTENDANCE_EXAMPLE.lessonId, date: '2026-10-14', subject: 'Matemātika', status: 'absent', absence: { id: ATTENDANCE_EXAMPLE.items[0].absence!.id, excused: false } }],
      },
    },
  })
  forStudent(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() q: StudentAttendanceQuery) {
    return this.attendance.forStudent(actor, id, q);
  }
}
