import { Injectable } from '@nestjs/common';
import { Router } from 'express';
import { QueueRegistry } from '../queues/queue-registry.service';
import { QueueDashboardHandler } from './queue-dashboard.mount';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused'] as const;

/**
 * The dashboard until Bull Board is installed: read-only job counts per queue and state
 * (`GET /admin/queues/api/queues`). Job data carries ids only, so nothing here names a person.
 */
@Injectable()
export class QueueCountsDashboard extends QueueDashboardHandler {
  readonly handler: Router;

  constructor(queues: QueueRegistry) {
    super();
    this.handler = Router();
    this.handler.get('/api/queues', (_req, res, next) => {
      Promise.all([...queues.queues].map(async ([name, queue]) => ({ name, counts: await queue.getJobCounts(...STATES) })))
        .then((list) => res.json({ queues: list }))
        .catch(next);
    });
  }
}
