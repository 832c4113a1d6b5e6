import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant, QueryInt, SafeLine, SafeText } from '@app/platform/validation';
import { ACK_SCOPES, type AckScope, MESSAGE_PRIORITIES, type MessagePriority } from '@app/post';

const AUDIENCES = ['guardians', 'students', 'staff'] as const;
type AudienceName = (typeof AUDIENCES)[number];

/** Body limits: generous for a school letter, small enough that one message cannot tie up moderation. */
export const SUBJECT_MAX = 200;
export const BODY_MAX = 50_000;

export class GroupTargetDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  groupId!: string;

  @ApiProperty({ enum: AUDIENCES })
  @IsIn(AUDIENCES)
  audience!: AudienceName;
}

export class InstitutionTargetDto {
  @ApiProperty({ enum: AUDIENCES })
  @IsIn(AUDIENCES)
  audience!: AudienceName;
}

export class MessageTargetsDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 1000 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID(undefined, { each: true })
  users?: string[];

  @ApiPropertyOptional({ type: [GroupTargetDto], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GroupTargetDto)
  groups?: GroupTargetDto[];

  @ApiPropertyOptional({ type: InstitutionTargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstitutionTargetDto)
  institution?: InstitutionTargetDto;
}

class AckOptionsDto {
  @ApiPropertyOptional({ default: false, description: 'Recipients must confirm (seed 000 §5.2)' })
  @IsOptional()
  @IsBoolean()
  requiresAck?: boolean;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-27T16:00:00Z' })
  @IsOptional()
  @IsInstant()
  ackDeadline?: string;

  @ApiPropertyOptional({ enum: ACK_SCOPES, default: 'each-recipient' })
  @IsOptional()
  @IsIn(ACK_SCOPES)
  ackScope?: AckScope;

  @ApiPropertyOptional({ enum: MESSAGE_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(MESSAGE_PRIORITIES)
  priority?: MessagePriority;
}

export class SendMessageDto extends AckOptionsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  institutionId!: string;

  @ApiPropertyOptional({ maxLength: SUBJECT_MAX, example: 'Ekskursija piektdien', description: 'Required unless replyTo is set' })
  @IsOptional()
  @IsString()
  @Length(1, SUBJECT_MAX)
  @SafeLine()
  subject?: string;

  @ApiProperty({ maxLength: BODY_MAX, example: '<p>Labdien! Piektdien dosimies uz muzeju.</p>', description: 'HTML; cleaned to a small allow-list' })
  @IsString()
  @Length(1, BODY_MAX)
  @SafeText()
  body!: string;

  @ApiPropertyOptional({ type: MessageTargetsDto, example: { groups: [{ groupId: '00000000-0000-4000-8000-000000000000', audience: 'guardians' }] } })
  @IsOptional()
  @ValidateNested()
  @Type(() => MessageTargetsDto)
  to?: MessageTargetsDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Answers this message (same thread)' })
  @IsOptional()
  @IsUUID()
  replyTo?: string;
}

export class ReplyDto extends AckOptionsDto {
  @ApiProperty({ maxLength: BODY_MAX, example: '<p>Paldies, sapratu.</p>' })
  @IsString()
  @Length(1, BODY_MAX)
  @SafeText()
  body!: string;

  @ApiPropertyOptional({ maxLength: SUBJECT_MAX, description: 'Default: "Re: " and the thread subject' })
  @IsOptional()
  @IsString()
  @Length(1, SUBJECT_MAX)
  @SafeLine()
  subject?: string;
}

export const FOLDERS = ['inbox', 'sent', 'archive', 'trash'] as const;
export type Folder = (typeof FOLDERS)[number];

export class FolderQuery {
  @ApiPropertyOptional({ description: 'Only unread messages (inbox, archive, trash)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only messages delivered after this instant (catching up after a reconnect)' })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional()
  @QueryInt({ min: 1, max: 100 })
  limit: number = 30;
}

export class RecipientsQuery {
  @ApiProperty({ format: 'uuid', description: 'The institution the message would be sent in' })
  @IsUUID()
  institutionId!: string;
}

export class RejectDto {
  @ApiProperty({ maxLength: 500, example: 'Lūdzu, pārrakstiet bez aizskarošiem vārdiem.' })
  @IsString()
  @Length(1, 500)
  @SafeText()
  reason!: string;
}

export class ModerationQueueQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One institution (default: every one you moderate)' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @QueryInt({ min: 1, max: 100 })
  limit: number = 50;
}
