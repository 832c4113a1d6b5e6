import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { DeliveriesQuery } from './deliveries.dto';
import { DeliveriesService } from './deliveries.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('institutions/:institutionId/deliveries')
  @ApiOperation({ summary: 'The institution’s e-mail and SMS deliveries, newest first (head, deputy head, admin)' })
  list(@CurrentActor() actor: Actor, @Param('institutionId', uuid) institutionId: string, @Query() q: DeliveriesQuery) {
    return this.deliveries.list(actor, institutionId, q);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed or undelivered delivery again' })
  retry(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.deliveries.retry(actor, id);
  }
}
