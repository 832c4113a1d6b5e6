export * from './notifications.module';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox.contract';
export * from './outbox/outbox-wake';
export * from './outbox/outbox.writer';
