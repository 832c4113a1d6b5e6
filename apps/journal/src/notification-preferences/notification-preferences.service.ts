import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { NotificationPreference } from '@app/notifications/preferences/notification-preference.entity';
import {
  MANDATORY_CHANNELS,
  UNOFFERED_CHANNELS,
  mergePreferences,
  ownChoices,
  validatePreferences,
  type EffectivePreferences,
  type PreferencesInput,
  type StoredPreferences,
} from '@app/notifications/preferences/preferences';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { Clock } from '@app/platform/time/clock';
import { preferencesRefused } from './notification-preference-errors';

export interface PreferencesView extends EffectivePreferences {
  /** Per mandatory category, the channels of which one must stay on: clients grey these out. */
  mandatory: typeof MANDATORY_CHANNELS;
  /** Per category, channels it never uses. */
  notOffered: typeof UNOFFERED_CHANNELS;
}

const view = (effective: EffectivePreferences): PreferencesView => ({ ...effective, mandatory: MANDATORY_CHANNELS, notOffered: UNOFFERED_CHANNELS });

/** A person's own notification preferences; nobody reads or changes another's. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly reader: PreferencesReader,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<PreferencesView> {
    const effective = (await this.reader.forUsers([userId])).get(userId);
    return view(effective ?? mergePreferences(null));
  }

  /** Replaces the caller's choices (left-out categories: defaults); 422 and nothing written if a rule is broken. */
  async replace(actor: Actor, input: PreferencesInput): Promise<PreferencesView> {
    const problems = validatePreferences(input);
    if (problems.length) throw preferencesRefused(problems);
    const stored: StoredPreferences = { categories: ownChoices(input.categories), quietHours: input.quietHours, digest: input.digest };
    return this.em.fork().transactional(async (em) => {
      const now = this.clock.now();
      // An upsert, so two first saves at once cannot collide on the primary key.
      await em.upsert(NotificationPreference, { userId: actor.userId, ...stored, updatedAt: now });
      this.audit.record(em, now, {
        actorId: actor.userId,
        ip: actor.ip,
        requestId: actor.requestId,
        action: 'notification-preferences.update',
        objectType: 'user',
        objectId: actor.userId,
        details: { ...stored },
      });
      return view(mergePreferences(stored));
    });
  }
}
