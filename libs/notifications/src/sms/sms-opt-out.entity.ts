import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A number that answered STOP (Twilio error 21610). Carriers refuse every further SMS to it, so
 * none is attempted: its SMS deliveries are suppressed (`opted-out`) and alerts go by e-mail.
 */
@Entity({ tableName: 'sms_opt_out' })
export class SmsOptOut {
  /** E.164, as SMS are addressed. */
  @PrimaryKey({ type: 'string', length: 32 })
  phone!: string;

  @Property({ type: 'datetime' })
  optedOutAt!: Date;
}
