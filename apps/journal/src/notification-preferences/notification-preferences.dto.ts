import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateBy, ValidateNested, type ValidationArguments } from 'class-validator';
import type { Category } from '@app/notifications/delivery/notification-delivery.entity';
import { isLocalTime } from '@app/platform/time/riga-time';

export class ChannelChoiceDto {
  @ApiProperty({ description: 'Shown in the app' })
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty()
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ description: 'Billed to the institution; used sparingly by default' })
  @IsBoolean()
  sms!: boolean;
}

/** One optional nested choice per category; a property not declared here is an unknown category (400). */
const Choice = (description?: string) =>
  applyDecorators(ApiPropertyOptional({ type: ChannelChoiceDto, description }), IsOptional(), IsObject(), ValidateNested(), Type(() => ChannelChoiceDto));

export class CategoryChoicesDto {
  @Choice('A new message') message?: ChannelChoiceDto;
  @Choice('An urgent message (mandatory: e-mail or SMS stays on)') urgent?: ChannelChoiceDto;
  @Choice('A reminder to acknowledge a message before its deadline') 'ack-reminder'?: ChannelChoiceDto;
  @Choice('The school confirms a reported absence') 'absence-confirmation'?: ChannelChoiceDto;
  @Choice('The kitchen meal report') 'meal-report'?: ChannelChoiceDto;
  @Choice('Your password after registration or a reset (mandatory: SMS only)') password?: ChannelChoiceDto;
  @Choice('Journal alerts') journal?: ChannelChoiceDto;
  @Choice('Account notices such as "an institution added you" (mandatory: e-mail or SMS stays on)') account?: ChannelChoiceDto;
}

/** Fails to compile when a category is added to the notifications lib and not here. */
const everyCategoryDeclared: Exclude<Category, keyof CategoryChoicesDto> extends never ? true : never = true;
void everyCategoryDeclared;

/** A Riga wall-clock time `HH:mm` (00:00–23:59), checked by the platform's parser. */
const IsLocalTime = () =>
  ValidateBy({
    name: 'isLocalTime',
    validator: {
      validate: isLocalTime,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a time of day HH:mm (00:00–23:59)`,
    },
  });

/** Equal ends would mean either nothing or the whole day; neither is a quiet period anybody asks for. */
const DiffersFromStart = () =>
  ValidateBy({
    name: 'differsFromStart',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => value !== (args?.object as { from?: unknown } | undefined)?.from,
      defaultMessage: () => 'to must differ from from',
    },
  });

export class QuietHoursDto {
  @ApiProperty({ description: 'Start of the quiet period (HH:mm, Riga)', example: '21:00' })
  @IsLocalTime()
  from!: string;

  @ApiProperty({ description: 'End of the quiet period (HH:mm, Riga); before `from` means it spans midnight', example: '07:00' })
  @IsLocalTime()
  @DiffersFromStart()
  to!: string;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ type: CategoryChoicesDto, description: 'Categories left out keep the defaults' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CategoryChoicesDto)
  categories?: CategoryChoicesDto;

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: "Your own quiet hours; null or absent: the school's" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ description: 'One daily e-mail with all unread messages instead of an e-mail per message', default: false })
  @IsOptional()
  @IsBoolean()
  digest?: boolean;
}
