import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import {
  AddRoleDto,
  CreateGuardianDto,
  CreateStaffDto,
  CreateStudentDto,
  DeactivateDto,
  PeopleQuery,
  UpdatePersonDto,
} from './people.dto';
import { PeopleService } from './people.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('directory')
@ApiBearerAuth()
@Controller('institutions/:institutionId')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post('staff')
  @ApiOperation({ summary: 'Register an employee; the issued password is shown once (head, deputy head, admin)' })
  createStaff(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateStaffDto) {
    return this.people.createStaff(actor, institutionId, dto);
  }

  @Post('students')
  @ApiOperation({ summary: 'Register a student, optionally enrolling them in a group' })
  createStudent(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateStudentDto) {
    return this.people.createStudent(actor, institutionId, dto);
  }

  @Post('guardians')
  @ApiOperation({ summary: 'Register a guardian; with a mobile number the password goes by SMS (outbox password-sms)' })
  createGuardian(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateGuardianDto) {
    return this.people.createGuardian(actor, institutionId, dto);
  }

  @Get('people')
  @ApiOperation({ summary: 'List and search people of the institution, paginated' })
  list(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Query() q: PeopleQuery) {
    return this.people.list(actor, institutionId, q);
  }

  @Get('people/:userId')
  get(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Param('userId', uuid) userId: string) {
    return this.people.get(actor, institutionId, userId);
  }

  @Patch('people/:userId')
  update(
    @CurrentActor() actor: Actor,
    @Param('institutionId', uuid) institutionId: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: UpdatePersonDto,
  ) {
    return this.people.update(actor, institutionId, userId, dto);
  }

  @Post('people/:userId/roles')
  addRole(
    @CurrentActor() actor: Actor,
    @Param('institutionId', uuid) institutionId: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: AddRoleDto,
  ) {
    return this.people.addRole(actor, institutionId, userId, dto.role);
  }

  @Post('people/:userId/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the person’s roles here; with none left anywhere the account closes and sessions end' })
  deactivate(
    @CurrentActor() actor: Actor,
    @Param('institutionId', uuid) institutionId: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: DeactivateDto,
  ) {
    return this.people.deactivate(actor, institutionId, userId, dto.reason);
  }

  @Post('people/:userId/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a new password and end the person’s sessions' })
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('institutionId', uuid) institutionId: string,
    @Param('userId', uuid) userId: string,
  ) {
    return this.people.resetPassword(actor, institutionId, userId);
  }
}
