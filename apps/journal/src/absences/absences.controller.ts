import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { AbsencesQuery, CreateAbsenceDto, ReviewAbsenceDto, UpdateAbsenceDto } from './absences.dto';
import { AbsencesService } from './absences.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('absences')
@ApiBearerAuth()
@Controller('absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Post()
  @ApiOperation({ summary: 'Report a child’s absence; the answer says per day whether meals are cancelled (guardians, own children)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAbsenceDto) {
    return this.absences.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'End a notice early or extend it; the answer says from when meals are ordered again (mealsResumeOn)' })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: UpdateAbsenceDto) {
    return this.absences.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Withdraw a notice made by mistake; the answer lists the days whose meals a cut-off already cancelled and mealsResumeOn' })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.absences.withdraw(actor, id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct the reason, mark justified or unjustified (nurse, management, class teacher); audited' })
  review(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ReviewAbsenceDto) {
    return this.absences.review(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Notices of a child (?studentId) or of a group on a date (?groupId&date) the caller may see; the kitchen: 403' })
  list(@CurrentActor() actor: Actor, @Query() q: AbsencesQuery) {
    return this.absences.list(actor, q);
  }
}
