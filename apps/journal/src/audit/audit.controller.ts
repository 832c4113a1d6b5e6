import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { AuditQuery } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('institutions/:institutionId/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @ApiOperation({ summary: 'The institution’s audit trail, newest first, paginated (head, deputy head, admin)' })
  list(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Query() q: AuditQuery) {
    return this.audit.list(actor, institutionId, q);
  }
}
