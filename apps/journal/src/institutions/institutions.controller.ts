import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { ClosuresQuery, CreateClosureDto, UpdateSettingsDto } from './institutions.dto';
import { InstitutionsService } from './institutions.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @ApiOperation({ summary: 'Institutions where you hold an active role, with your roles there' })
  listMine(@CurrentActor() actor: Actor) {
    return this.institutions.listMine(actor);
  }

  @Get(':institutionId')
  @ApiOperation({ summary: 'One institution (members only, else 404); management also sees its settings' })
  get(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string) {
    return this.institutions.get(actor, institutionId);
  }

  @Patch(':institutionId/settings')
  @ApiOperation({
    summary:
      'Change absence cut-offs, the meal report time (HH:mm, Riga), notification settings (alert delay, quiet hours, SMS transliteration and monthly segment budget) and message moderation (allow-list, blocked words, mode) (head, deputy head, admin)',
  })
  updateSettings(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: UpdateSettingsDto) {
    return this.institutions.updateSettings(actor, institutionId, dto);
  }

  @Get(':institutionId/closures')
  @ApiOperation({ summary: 'Days the institution is closed beyond public holidays (any member)' })
  listClosures(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Query() q: ClosuresQuery) {
    return this.institutions.listClosures(actor, institutionId, q);
  }

  @Post(':institutionId/closures')
  @ApiOperation({ summary: 'Add a closure, both dates inclusive (head, deputy head, admin)' })
  createClosure(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Body() dto: CreateClosureDto) {
    return this.institutions.createClosure(actor, institutionId, dto);
  }

  @Delete(':institutionId/closures/:closureId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a closure (head, deputy head, admin)' })
  async deleteClosure(
    @CurrentActor() actor: Actor,
    @Param('institutionId', uuid) institutionId: string,
    @Param('closureId', uuid) closureId: string,
  ): Promise<void> {
    await this.institutions.deleteClosure(actor, institutionId, closureId);
  }
}
