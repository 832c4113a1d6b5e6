import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { UpdateNotificationPreferencesDto } from './notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'Your notification preferences with the defaults filled in, and which channels are mandatory' })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor.userId);
  }

  @Put()
  @ApiOperation({ summary: 'Replace your choices (left-out categories keep the defaults): 422 MANDATORY_CATEGORY / CHANNEL_NOT_OFFERED' })
  replace(@CurrentActor() actor: Actor, @Body() dto: UpdateNotificationPreferencesDto) {
    return this.preferences.replace(actor, {
      categories: { ...dto.categories },
      quietHours: dto.quietHours ? { from: dto.quietHours.from, to: dto.quietHours.to } : null,
      digest: dto.digest ?? false,
    });
  }
}
