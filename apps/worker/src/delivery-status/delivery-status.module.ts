import { Module } from '@nestjs/common';
import { TwilioStatusController } from './twilio-status.controller';
import { TwilioStatusService } from './twilio-status.service';

/** Providers' reports on deliveries already sent (Twilio status callbacks). */
@Module({ controllers: [TwilioStatusController], providers: [TwilioStatusService], exports: [TwilioStatusService] })
export class DeliveryStatusModule {}
