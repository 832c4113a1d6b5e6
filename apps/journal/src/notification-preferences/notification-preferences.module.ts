import { Module } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';

@Module({ controllers: [NotificationPreferencesController], providers: [NotificationPreferencesService] })
export class NotificationPreferencesModule {}
