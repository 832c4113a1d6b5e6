import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { QueueRegistry } from '../queues/queue-registry.service';
import { DASHBOARD_PATH } from './queue-dashboard.access';
import { QueueDashboardHandler } from './queue-dashboard.mount';

/**
 * Bull Board over the catalogue's queues, read-only: the delivery rows are the truth and management
 * retries them through `POST /deliveries/:id/retry`, while pausing or emptying a queue from here
 * would stop every school's alerts. Built on the first request, because the queues open in
 * `QueueRegistry.onModuleInit`, after the dashboard is mounted.
 */
@Injectable()
export class BullBoardDashboard extends QueueDashboardHandler {
  private router: RequestHandler | null = null;
  readonly handler: RequestHandler = (req: Request, res: Response, next: NextFunction) => this.board()(req, res, next);

  constructor(private readonly registry: QueueRegistry) {
    super();
  }

  private board(): RequestHandler {
    if (this.router) return this.router;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [...this.registry.queues.values()].map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'skolas-pasts queues' } },
    });
    this.router = serverAdapter.getRouter() as RequestHandler;
    return this.router;
  }
}
