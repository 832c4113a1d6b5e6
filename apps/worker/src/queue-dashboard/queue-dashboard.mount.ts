import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { toErrorResponse } from '@app/platform/http/error.filter';
import { requestMeta } from '@app/platform/http/request-context';
import { cspWith } from '@app/platform/http/web-client';
import { DASHBOARD_PATH, QueueDashboardAccess } from './queue-dashboard.access';

/**
 * The dashboard's pages get the web client's policy (scripts from this origin only: Bull Board's are
 * files under its path, its UI config is a JSON data block, not a script) with one exception: its
 * HTML carries inline style attributes and a <style> element (the loading placeholder), so styles may
 * be inline. That replaces helmet's default here, which also allowed inline scripts.
 */
export const DASHBOARD_CSP = cspWith({ 'style-src': "'self' 'unsafe-inline'" });

/**
 * Bull Board's page links a stylesheet on fonts.googleapis.com (IBM Plex). The operator's browser
 * should not call a third party each time the dashboard opens, and the policy would refuse it anyway
 * (a console error on every load); without it the page falls back to the system sans-serif.
 */
const REMOTE_FONT_LINK = /<link\b[^>]*\bhref="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>\s*/g;
export const withoutRemoteFonts = (html: string) => html.replace(REMOTE_FONT_LINK, '');

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
    res.set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': DASHBOARD_CSP });
    // Its pages are rendered through express views; the rendered HTML loses the remote font link.
    const render = res.render.bind(res) as (view: string, options: object, done: (err: Error | null, html?: string) => void) => void;
    res.render = ((view: string, options?: object) =>
      render(view, options ?? {}, (err, html) => (err ? next(err) : void res.type('html').send(withoutRemoteFonts(html ?? ''))))) as Response['render'];
    next();
  }
}
