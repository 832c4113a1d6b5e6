import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { CreateLessonDto, LessonsQuery, UpdateLessonDto } from './lessons.dto';
import { LessonsService } from './lessons.service';

const uuid = new ParseUUIDPipe({ version: undefined });

const LESSON_EXAMPLE = {
  id: '3b1c2d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  groupId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
  subject: 'Matemātika',
  date: '2026-10-14',
  topic: 'Kvadrātvienādojumi',
  homework: '45. lpp., 3.–5. uzdevums',
  isTest: false,
  teacher: { id: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d', displayName: 'Anna Bērziņa' },
  substituteFor: null,
};

@ApiTags('journal')
@ApiBearerAuth()
@Controller()
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Post('groups/:groupId/lessons')
  @ApiOperation({ summary: 'Record a lesson (teachers of the group, management; a teacher of the institution as a substitute, with substituteFor); audited' })
  @ApiResponse({ status: 201, schema: { example: { id: LESSON_EXAMPLE.id } } })
  @ApiResponse({ status: 404, description: 'GROUP_NOT_FOUND: not a group the caller teaches' })
  @ApiResponse({ status: 422, description: 'NOT_A_JOURNAL_DAY (public holiday, closure) · DATE_IN_FUTURE · SUBSTITUTE_FOR_INVALID', schema: { example: { error: { code: 'NOT_A_JOURNAL_DAY', message: '2026-11-18 is not a journal day (public holiday: Latvijas Republikas proklamēšanas diena)', details: [{ field: 'date', issue: 'public holiday: Latvijas Republikas proklamēšanas diena' }] } } } })
  create(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string, @Body() dto: CreateLessonDto) {
    return this.lessons.create(actor, groupId, dto);
  }

  @Get('groups/:groupId/lessons')
  @ApiOperation({ summary: 'A group’s lessons from ?from to ?to (default today); a substitute sees the ones they taught' })
  @ApiResponse({ status: 200, schema: { example: { items: [LESSON_EXAMPLE] } } })
  list(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string, @Query() q: LessonsQuery) {
    return this.lessons.list(actor, groupId, q);
  }

  @Patch('lessons/:id')
  @ApiOperation({ summary: 'Set or clear a lesson’s topic or homework, or flag it as a test (who taught it, teachers of the group, management); audited' })
  @ApiResponse({ status: 200, schema: { example: LESSON_EXAMPLE } })
  @ApiResponse({ status: 404, description: 'LESSON_NOT_FOUND' })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: UpdateLessonDto) {
    return this.lessons.update(actor, id, dto);
  }
}
