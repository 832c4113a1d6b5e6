import { type EntityManager, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

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

/** Twilio's code for a recipient who answered STOP. */
export const TWILIO_UNSUBSCRIBED = '21610';

/** Remembers that `phone` opted out (once; a repeat changes nothing). */
export async function rememberOptOut(em: EntityManager, phone: string, at: Date): Promise<void> {
  await (em as SqlEntityManager).createQueryBuilder(SmsOptOut).insert({ phone, optedOutAt: at }).onConflict('phone').ignore().execute();
}
