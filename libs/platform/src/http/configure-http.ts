import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** Transport settings shared by every app's main.ts and by the end-to-end tests. */
export function configureHttp(app: INestApplication, title: string): void {
  const config = app.get(AppConfig);
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.set('trust proxy', config.env.TRUST_PROXY);
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: config.env.BODY_LIMIT, strict: true });
  express.useBodyParser('urlencoded', { limit: config.env.BODY_LIMIT, extended: false });
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

  const doc = new DocumentBuilder()
    .setTitle(title)
    .setDescription('School–parent messaging: the post, notifications and the core journal. Errors: { error: { code, message, details } }.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
}
