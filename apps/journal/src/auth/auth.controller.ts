import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@app/auth/actor';
import { AuthService } from '@app/auth/auth.service';
import { AllowedBeforePasswordChange, CurrentActor, Public } from '@app/auth/guard/auth.decorators';
import { requestMeta } from '@app/platform/http/request-context';
import { ChangePasswordDto, LoginDto, RefreshDto } from './auth.dto';
import { ProfileService } from './profile.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly profiles: ProfileService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: 401 INVALID_CREDENTIALS, 429 TOO_MANY_ATTEMPTS with Retry-After' })
  async login(@Body() dto: LoginDto, @Req() req: Request) {
    const tokens = await this.auth.login(dto.username, dto.password, requestMeta(req));
    return this.withProfile(tokens);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh token; a reused one ends the session (401 REFRESH_TOKEN_REUSED)' })
  async refresh(@Body() dto: RefreshDto, @Req() req: Request) {
    return this.withProfile(await this.auth.refresh(dto.refreshToken, requestMeta(req)));
  }

  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('auth/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password: 422 WEAK_PASSWORD / WRONG_CURRENT_PASSWORD' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.profiles.profile(actor.userId);
  }

  private async withProfile(tokens: { userId: string; accessToken: string; refreshToken: string; expiresIn: number }) {
    const { userId, ...rest } = tokens;
    return { ...rest, user: await this.profiles.profile(userId) };
  }
}
