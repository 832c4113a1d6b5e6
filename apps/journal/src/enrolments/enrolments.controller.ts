import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { CreateEnrolmentDto, EnrolmentsQuery, UpdateEnrolmentDto } from './enrolments.dto';
import { EnrolmentsService } from './enrolments.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Post('institutions/:institutionId/enrolments')
  @ApiOperation({ summary: 'Enrol a student in a group from a date; 409 ENROLMENT_OVERLAPS if already in a group then (head, deputy head, admin)' })
  create(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateEnrolmentDto) {
    return this.enrolments.create(actor, institutionId, dto);
  }

  @Get('institutions/:institutionId/enrolments')
  @ApiOperation({ summary: 'List enrolments by group, student or date, paginated (management, nurse)' })
  list(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Query() q: EnrolmentsQuery) {
    return this.enrolments.list(actor, institutionId, q);
  }

  @Patch('enrolments/:enrolmentId')
  @ApiOperation({ summary: 'Set or clear the last day of an enrolment (head, deputy head, admin of its institution)' })
  update(@CurrentActor() actor: Actor, @Param('enrolmentId', uuid) enrolmentId: string, @Body() dto: UpdateEnrolmentDto) {
    return this.enrolments.update(actor, enrolmentId, dto);
  }
}
