import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Express, static as serveStatic, type Request, type Response } from 'express';

/** Where the client's own pages live: every path under it is the single-page app, nothing else is. */
export const WEB_APP_PATH = '/app';

const WEB_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The client's policy with some directives replaced, for another same-origin page (the queue dashboard). */
export const cspWith = (overrides: Readonly<Record<string, string>> = {}): string =>
  Object.entries({ ...WEB_CSP_DIRECTIVES, ...overrides })
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * The client gets a stricter policy than the API docs: its scripts and styles are files of its own
 * (the build inlines nothing), and it talks only to this origin, socket.io included ('self' covers
 * ws:/wss: to the same host).
 */
export const WEB_CSP = cspWith();

/**
 * Serves the built web client from the same origin as the API: hashed assets under /assets (cached
 * for good), and index.html for `/` and `/app/*` only, so the fallback can never answer for an API
 * route, /docs, /health, /metrics, /admin/queues or /socket.io. Returns false when there is no
 * build (an API-only deployment, or a run before `npm run build:web`).
 */
export function serveWebClient(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile);
  app.use('/assets', serveStatic(join(root, 'assets'), { index: false, immutable: true, maxAge: '365d', redirect: false }));
  const page = (_req: Request, res: Response) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': WEB_CSP });
    res.send(index);
  };
  const express = app.getHttpAdapter().getInstance() as Express;
  express.get(['/', WEB_APP_PATH, `${WEB_APP_PATH}/*rest`], page);
  return true;
}
