import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CATEGORIES, type Category, CHANNELS, type Channel, DELIVERY_STATUSES, type DeliveryStatus } from '@app/notifications/delivery/notification-delivery.entity';
import { QueryInt } from '@app/platform/validation';

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: CATEGORIES, example: 'password' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({ format: 'uuid', description: 'One recipient’s deliveries, e.g. a guardian just registered and their password SMS' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'Why it was suppressed or failed, e.g. `budget` (over the monthly SMS budget), `opted-out`, `read`, a provider code', example: 'budget' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @QueryInt({ min: 1, max: 200 })
  limit: number = 50;
}
