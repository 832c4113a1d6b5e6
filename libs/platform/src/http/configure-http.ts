import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { assignRequestId } from '../observability/logging';
import { toErrorResponse } from './error.filter';
import { inspectInput } from './input-guard';
import { serveWebClient } from './web-client';

/**
 * The only route that takes form bodies: Twilio posts its status callbacks form-encoded. Everywhere
 * else a form body is left unparsed, so a cross-site HTML form cannot post data any route accepts.
 */
export const TWILIO_STATUS_PATH = '/notifications/twilio/status';

/**
 * Transport settings shared by every app's main.ts and by the end-to-end tests.
 * Create the app with `{ bodyParser: false }`: the parsers are installed here.
 */
export function configureHttp(app: INestApplication, title: string): void {
  const config = app.get(AppConfig);
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.set('trust proxy', config.env.TRUST_PROXY);
  express.disable('x-powered-by');
  // Our own parsers (the app is created with bodyParser: false) so that their errors, which
  // happen before Nest's pipeline, still leave in the platform's error shape.
  express.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  // inflate: false — a body arrives as sent or not at all (415 UNSUPPORTED_CONTENT_ENCODING): at
  // BODY_LIMIT nothing needs compressing, and a decompressor is one more parser for attackers.
  express.use(json({ limit: config.env.BODY_LIMIT, strict: true, inflate: false }));
  express.use(TWILIO_STATUS_PATH, urlencoded({ limit: config.env.BODY_LIMIT, extended: false, inflate: false }));
  express.use((req: Request, _res: Response, next: NextFunction) => {
    try {
      inspectInput(req.body);
      inspectInput(req.query);
    } catch (e) {
      return next(e);
    }
    next();
  });
  express.use((err: unknown, req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { status, body, headers } = toErrorResponse(err, String(req.id ?? ''));
    res.set(headers ?? {}).status(status).json(body);
  });
  express.use(
    helmet({
      // The docs UI needs inline styles and scripts; everything else gets the strict default.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  express.enableCors({
    origin: config.env.CORS_ORIGINS.length ? config.env.CORS_ORIGINS : false,
    credentials: false,
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
  });
  express.enableShutdownHooks();
  serveWebClient(express, config.env.WEB_DIR);

  const doc = new DocumentBuilder()
    .setTitle(title)
    .setDescription('School–parent messaging: the post, notifications and the core journal. Errors: { error: { code, message, details } }.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
}
