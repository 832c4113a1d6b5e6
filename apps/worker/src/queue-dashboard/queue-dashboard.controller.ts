import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { DASHBOARD_PATH, QueueDashboardAccess } from './queue-dashboard.access';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller(DASHBOARD_PATH.slice(1))
export class QueueDashboardController {
  constructor(private readonly access: QueueDashboardAccess) {}

  /** Lets a client offer the dashboard only to those it would let in, without minting a cookie. */
  @Get('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Whether the caller may open the job queues’ dashboard: 204, or 403 NOT_QUEUE_OPERATOR' })
  may(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): void {
    this.access.require(actor);
    res.setHeader('Cache-Control', 'no-store');
  }

  @Post('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Open the job queues’ dashboard in this browser: sets its short-lived cookie (the operator’s admins)' })
  open(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): void {
    res.setHeader('Set-Cookie', this.access.openSession(actor));
    res.setHeader('Cache-Control', 'no-store');
  }
}
