import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { CreateMarkDto, MarksQuery, UpdateMarkDto } from './marks.dto';
import { MarksService } from './marks.service';

const uuid = new ParseUUIDPipe({ version: undefined });

const MARK_EXAMPLE = {
  id: '6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c',
  studentId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  subject: 'Matemātika',
  date: '2026-10-14',
  scale: '1-10',
  value: '8',
  kind: 'test',
  lessonId: null,
  teacher: { displayName: 'Anna Bērziņa' },
};

const OUT_OF_SCALE = {
  error: { code: 'MARK_OUT_OF_SCALE', message: '"11" is not a mark on the 1-10 scale', details: [{ field: 'value', issue: 'one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, or null (not assessed)' }] },
};

@ApiTags('journal')
@ApiBearerAuth()
@Controller()
export class MarksController {
  constructor(private readonly marks: MarksService) {}

  @Post('marks')
  @ApiOperation({ summary: 'Enter a mark (teachers of the student’s group, the substitute through their lesson, management); audited; the guardians and the student are alerted after the alert delay' })
  @ApiResponse({ status: 201, schema: { example: { id: MARK_EXAMPLE.id } } })
  @ApiResponse({ status: 403, description: 'MARK_NOT_ALLOWED: the caller sees the student but does not teach them (a guardian, the student)' })
  @ApiResponse({ status: 404, description: 'STUDENT_NOT_FOUND: not a student of the caller’s groups · LESSON_NOT_FOUND' })
  @ApiResponse({ status: 422, description: 'MARK_OUT_OF_SCALE · NOT_A_JOURNAL_DAY · DATE_IN_FUTURE · LESSON_MISMATCH · STUDENT_NOT_ENROLLED', schema: { example: OUT_OF_SCALE } })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMarkDto) {
    return this.marks.create(actor, dto);
  }

  @Patch('marks/:id')
  @ApiOperation({ summary: 'Correct a mark’s value on its scale; a pending alert is replaced, not doubled; audited' })
  @ApiResponse({ status: 200, schema: { example: { ...MARK_EXAMPLE, value: '9' } } })
  @ApiResponse({ status: 404, description: 'MARK_NOT_FOUND' })
  @ApiResponse({ status: 422, description: 'MARK_OUT_OF_SCALE', schema: { example: OUT_OF_SCALE } })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: UpdateMarkDto) {
    return this.marks.update(actor, id, dto);
  }

  @Get('students/:id/marks')
  @ApiOperation({ summary: 'A student’s marks, newest first (the student, their guardians, their teachers, management); 404 for another family’s child' })
  @ApiResponse({ status: 200, schema: { example: { items: [MARK_EXAMPLE] } } })
  @ApiResponse({ status: 404, description: 'STUDENT_NOT_FOUND' })
  list(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() q: MarksQuery) {
    return this.marks.list(actor, id, q);
  }
}
