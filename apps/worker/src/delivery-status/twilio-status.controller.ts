import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { TWILIO_STATUS_PATH } from '@app/platform/http/configure-http';
import { Public } from '@app/platform/http/public.decorator';
import { TwilioStatusService } from './twilio-status.service';

@ApiTags('notifications')
@Controller()
export class TwilioStatusController {
  constructor(private readonly service: TwilioStatusService) {}

  /** Called by Twilio, not a user: no bearer token, the signature is the authentication. */
  @Public()
  @Post(TWILIO_STATUS_PATH)
  @HttpCode(204)
  @ApiOperation({ summary: "Twilio's SMS status callback (form-encoded, X-Twilio-Signature): 204, or 403 INVALID_SIGNATURE" })
  async status(@Headers('x-twilio-signature') signature: string | undefined, @Body() params: Record<string, unknown> | undefined, @Req() req: Request): Promise<void> {
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    await this.service.report({ signature, search, params: params ?? {} });
  }
}
