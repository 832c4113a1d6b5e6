import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { CreateGuardianshipDto, UpdateGuardianshipDto } from './guardianships.dto';
import { GuardianshipsService } from './guardianships.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('guardianships')
@ApiBearerAuth()
@Controller()
export class GuardianshipsController {
  constructor(private readonly guardianships: GuardianshipsService) {}

  @Post('institutions/:institutionId/guardianships')
  @ApiOperation({ summary: 'Link a guardian to a student; an existing link is reactivated, not duplicated (head, deputy head, admin)' })
  create(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateGuardianshipDto) {
    return this.guardianships.create(actor, institutionId, dto);
  }

  @Patch('guardianships/:guardianshipId')
  @ApiOperation({ summary: 'Change the relation or end/restore the link (management of the student’s institution)' })
  update(@CurrentActor() actor: Actor, @Param('guardianshipId', uuid) guardianshipId: string, @Body() dto: UpdateGuardianshipDto) {
    return this.guardianships.update(actor, guardianshipId, dto);
  }
}
