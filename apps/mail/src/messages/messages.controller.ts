import { Body, Controller, Get, Header, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { invalid } from '@app/platform/errors';
import { AudienceService } from '../audience/audience.service';
import { MailboxService } from '../mailbox/mailbox.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { type Folder, FolderQuery, RecipientsQuery, ReplyDto, SendMessageDto } from './message.dto';
import { MessagesService } from './messages.service';

const uuid = new ParseUUIDPipe({ version: undefined });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw)) {
    throw invalid('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 visible ASCII characters', [
      { field: 'Idempotency-Key', issue: 'format' },
    ]);
  }
  return raw;
}

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Any unique string (e.g. a UUID); a retry with the same key returns the first result and sends nothing again',
});

@ApiTags('post')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly mailbox: MailboxService,
    private readonly receipts: ReceiptsService,
    private readonly audience: AudienceService,
  ) {}

  @Post()
  @idempotencyHeader
  @ApiOperation({ summary: 'Send a message to people, groups or the institution (checked by policy and moderation)' })
  @ApiResponse({ status: 201, schema: { example: { id: '7d0b6a3e-0c7a-4a63-9d1e-0d3f0f0d9a11', status: 'sent', recipientCount: 24 } } })
  @ApiResponse({ status: 403, description: 'RECIPIENT_NOT_ALLOWED: the policy refuses some addressees (listed in details)' })
  @ApiResponse({
    status: 422,
    description: 'MESSAGE_REJECTED (details: the spans to fix), NO_RECIPIENTS, TOO_MANY_RECIPIENTS, EMPTY_MESSAGE',
    schema: { example: { error: { code: 'MESSAGE_REJECTED', message: '…', details: [{ field: 'body', start: 8, end: 13, category: 'insult' }] } } },
  })
  @ApiResponse({ status: 429, description: 'TOO_MANY_MESSAGES, with Retry-After' })
  send(@CurrentActor() actor: Actor, @Body() dto: SendMessageDto, @Headers('idempotency-key') key?: string) {
    return this.messages.send(actor, dto, idempotencyKey(key));
  }

  @Get('inbox')
  @ApiOperation({ summary: 'Received messages, newest first (cursor pagination; ?unread=true; ?since= after a reconnect)' })
  inbox(@CurrentActor() actor: Actor, @Query() q: FolderQuery) {
    return this.list(actor, 'inbox', q);
  }

  @Get('sent')
  @ApiOperation({ summary: 'Messages you sent, with status and read/acknowledged counts' })
  sent(@CurrentActor() actor: Actor, @Query() q: FolderQuery) {
    return this.list(actor, 'sent', q);
  }

  @Get('archive')
  @ApiOperation({ summary: 'Messages you archived (received and sent)' })
  archive(@CurrentActor() actor: Actor, @Query() q: FolderQuery) {
    return this.list(actor, 'archive', q);
  }

  @Get('trash')
  @ApiOperation({ summary: 'Messages you deleted; only your view changes, receipts stay' })
  trash(@CurrentActor() actor: Actor, @Query() q: FolderQuery) {
    return this.list(actor, 'trash', q);
  }

  @Get('recipients')
  @ApiOperation({ summary: 'People you may write to one by one (to.users) in an institution, as the messaging policy allows' })
  @ApiResponse({
    status: 200,
    schema: {
      example: {
        items: [{ id: '0a1b…', displayName: 'Ilze Ozola', kinds: ['guardian'], groupIds: ['5c2e…'], children: [{ id: '9f8e…', displayName: 'Anna Ozola' }] }],
      },
    },
  })
  @ApiResponse({ status: 403, description: 'NOT_IN_INSTITUTION' })
  async recipients(@CurrentActor() actor: Actor, @Query() q: RecipientsQuery) {
    return { items: await this.audience.addressable(actor, q.institutionId) };
  }

  private list(actor: Actor, folder: Folder, q: FolderQuery) {
    return this.mailbox.list(actor, folder, { unread: q.unread === 'true', cursor: q.cursor, since: q.since, limit: q.limit });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message with body and thread (marks it read); 404 unless you sent or received it' })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.mailbox.get(actor, id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark as read (idempotent)' })
  async read(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.receipts.markRead(actor, id);
  }

  @Post(':id/ack')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm a message that asks for it (idempotent, audited)' })
  @ApiResponse({ status: 409, description: 'ACK_NOT_REQUESTED' })
  async ack(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.receipts.acknowledge(actor, id);
  }

  @Post(':id/replies')
  @idempotencyHeader
  @ApiOperation({ summary: 'Reply: a recipient answers the sender; the sender follows up to all recipients' })
  @ApiResponse({ status: 201, schema: { example: { id: '1c0d…', status: 'sent', recipientCount: 1 } } })
  reply(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ReplyDto, @Headers('idempotency-key') key?: string) {
    return this.messages.send(actor, { ...dto, replyTo: id }, idempotencyKey(key));
  }

  @Get(':id/receipts')
  @ApiOperation({ summary: 'Who has read and confirmed (sender and management only)' })
  receiptsView(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.receipts.view(actor, id);
  }

  @Get(':id/receipts.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Receipts as CSV (sender and management only)' })
  async receiptsCsv(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<string> {
    return this.receipts.csv(actor, id);
  }

  @Post(':id/archive')
  @HttpCode(204)
  @ApiOperation({ summary: 'Move to your archive' })
  async toArchive(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.mailbox.move(actor, id, 'archive');
  }

  @Post(':id/trash')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete for yourself (the sender’s record and receipts stay)' })
  async toTrash(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.mailbox.move(actor, id, 'trash');
  }

  @Post(':id/restore')
  @HttpCode(204)
  @ApiOperation({ summary: 'Back to the inbox (or the sent folder)' })
  async restore(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.mailbox.move(actor, id, 'restore');
  }
}
