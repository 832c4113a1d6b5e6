import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/platform/config/app-config';
import { AuthService } from './auth.service';
import { SessionEvents } from './session-events';
import { AuthGuard } from './guard/auth.guard';
import { PasswordService } from './passwords/password.service';
import { LoginThrottle } from './throttle/login-throttle.service';
import { TokenService } from './tokens/token.service';

/** Authentication for every app: tokens, sessions, the global guard. Routes live in the journal app. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, built once: given a string, jsonwebtoken re-derives the key (first trying it as a
      // public key) on every sign and verify, which cost ~0.8 ms per request.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthService, PasswordService, TokenService, LoginThrottle, SessionEvents, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordService, TokenService, SessionEvents],
})
export class AuthModule {}
