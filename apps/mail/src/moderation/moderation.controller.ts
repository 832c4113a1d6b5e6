import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { ModerationQueueQuery, RejectDto } from '../messages/message.dto';
import { ModerationQueueService } from './moderation-queue.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class ModerationController {
  constructor(private readonly queue: ModerationQueueService) {}

  @Get('queue')
  @ApiOperation({ summary: 'Held messages waiting for a decision, oldest first (deputy head, head, admin)' })
  list(@CurrentActor() actor: Actor, @Query() q: ModerationQueueQuery) {
    return this.queue.queue(actor, q);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver a held message' })
  approve(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.queue.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a held message with a reason the sender sees' })
  reject(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RejectDto) {
    return this.queue.reject(actor, id, dto.reason);
  }
}
