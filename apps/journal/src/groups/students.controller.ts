import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { StudentsService } from './students.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('groups')
@ApiBearerAuth()
@Controller('students')
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @Get(':studentId')
  @ApiOperation({ summary: 'A student with groups and guardians (the student, guardians, management, nurse, the group’s teachers)' })
  get(@CurrentActor() actor: Actor, @Param('studentId', uuid) studentId: string) {
    return this.students.get(actor, studentId);
  }
}
