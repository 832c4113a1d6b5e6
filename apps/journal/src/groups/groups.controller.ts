import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { AssignStaffDto, CreateGroupDto, GroupsQuery, RosterQuery, UpdateGroupDto } from './groups.dto';
import { GroupsService } from './groups.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('groups')
@ApiBearerAuth()
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post('institutions/:institutionId/groups')
  @ApiOperation({ summary: 'Create a group, class or programme for a school year (head, deputy head, admin)' })
  create(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateGroupDto) {
    return this.groups.create(actor, institutionId, dto);
  }

  @Get('institutions/:institutionId/groups')
  @ApiOperation({ summary: 'List groups, paginated: management and nurse all, teachers their own' })
  list(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Query() q: GroupsQuery) {
    return this.groups.list(actor, institutionId, q);
  }

  @Get('groups/:groupId')
  @ApiOperation({ summary: 'A group with its class teachers (its staff, its students’ families, its students)' })
  get(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string) {
    return this.groups.get(actor, groupId);
  }

  @Patch('groups/:groupId')
  @ApiOperation({ summary: 'Rename a group or move it to another school year (head, deputy head, admin)' })
  update(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string, @Body() dto: UpdateGroupDto) {
    return this.groups.update(actor, groupId, dto);
  }

  @Post('groups/:groupId/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a group: running enrolments end today (head, deputy head, admin)' })
  deactivate(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string) {
    return this.groups.deactivate(actor, groupId);
  }

  @Get('groups/:groupId/students')
  @ApiOperation({ summary: 'Roster on a date (default today) with guardians’ contacts (the group’s staff, management, nurse)' })
  roster(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string, @Query() q: RosterQuery) {
    return this.groups.roster(actor, groupId, q);
  }

  @Post('groups/:groupId/staff')
  @ApiOperation({ summary: 'Assign a staff member to the group (head, deputy head, admin)' })
  assignStaff(@CurrentActor() actor: Actor, @Param('groupId', uuid) groupId: string, @Body() dto: AssignStaffDto) {
    return this.groups.assignStaff(actor, groupId, dto);
  }

  @Delete('groups/:groupId/staff/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a staff assignment (head, deputy head, admin)' })
  async endStaff(
    @CurrentActor() actor: Actor,
    @Param('groupId', uuid) groupId: string,
    @Param('assignmentId', uuid) assignmentId: string,
  ): Promise<void> {
    await this.groups.endStaff(actor, groupId, assignmentId);
  }
}
