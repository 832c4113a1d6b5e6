import { Module } from '@nestjs/common';

/**
 * The post: messages, receipts, acknowledgements, the moderation gate and the socket.io
 * gateway. Its features arrive with their own issue; today it boots on the shared core
 * (database, Redis, auth) and reports health.
 */
@Module({})
export class MailModule {}
