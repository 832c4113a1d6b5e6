import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { NotificationPreference } from './notification-preference.entity';
import { mergePreferences, type EffectivePreferences } from './preferences';

/** The relay's view of preferences: everyone an event reaches, read at once. */
@Injectable()
export class PreferencesReader {
  constructor(private readonly em: EntityManager) {}

  /**
   * Effective preferences for each of `userIds` (defaults for those without a row), in one query.
   * Pass the caller's `em` to read inside its transaction.
   */
  async forUsers(userIds: readonly string[], em: EntityManager = this.em.fork()): Promise<Map<string, EffectivePreferences>> {
    const ids = [...new Set(userIds)];
    const rows = ids.length ? await em.find(NotificationPreference, { userId: { $in: ids } }, { disableIdentityMap: true }) : [];
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return new Map(ids.map((id) => [id, mergePreferences(byUser.get(id) ?? null)]));
  }
}
