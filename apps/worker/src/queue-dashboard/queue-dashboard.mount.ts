import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { toErrorResponse } from '@app/platform/http/error.filter';
import { requestMeta } from '@app/platform/http/request-context';
import { DASHBOARD_PATH, QueueDashboardAccess } from './queue-dashboard.access';

/**
 * The dashboard itself: an express handler mounted under {@link DASHBOARD_PATH} (Bull Board's
 * `ExpressAdapter.getRouter()`, with `setBasePath(DASHBOARD_PATH)`, is one). Everything it serves
 * passes the cookie gate first.
 */
export abstract class QueueDashboardHandler {
  abstract readonly handler: RequestHandler;
}

/**
 * Mounts the gate and the dashboard on the HTTP server. Not a Nest route: a dashboard serves its
 * own pages, scripts and API under its path. Nest's own routes (the session call) were registered
 * before module init, so they still answer first.
 */
@Injectable()
export class QueueDashboardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly access: QueueDashboardAccess,
    private readonly dashboard: QueueDashboardHandler,
  ) {}

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getInstance<Express>();
    if (!server) return; // an application context without HTTP
    server.use(DASHBOARD_PATH, (req, res, next) => void this.gate(req, res, next), this.dashboard.handler);
  }

  private async gate(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      await this.access.verify(req.headers.cookie);
    } catch (e) {
      const { status, body, headers } = toErrorResponse(e, requestMeta(req).requestId);
      res.status(status).set({ ...headers, 'Cache-Control': 'no-store' }).json(body);
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    next();
  }
}
