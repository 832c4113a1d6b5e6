export * from './entities/message.entity';
export * from './entities/message-recipient.entity';
export * from './acknowledgements';
