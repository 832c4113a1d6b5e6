import type { EntityManager } from '@mikro-orm/core';
import { institutionSettings, type InstitutionSettings } from '@app/directory/entities';
import type { Category } from '@app/notifications/delivery/notification-delivery.entity';

export type NotificationSettings = Pick<InstitutionSettings, 'alertDelaySeconds' | 'quietHours' | 'smsTransliterate' | 'smsMonthlySegmentBudget'>;

/** Alerts that may go by e-mail instead when their SMS cannot go (budget spent, number opted out). */
export const ALERT_CATEGORIES: readonly Category[] = ['message', 'urgent', 'ack-reminder'];

/**
 * The notification settings of these institutions, defaults filled in, in one query (the JSON column
 * comes back as text from SQLite). Institutions not found are absent from the map.
 */
export async function notificationSettings(em: EntityManager, institutionIds: readonly string[]): Promise<Map<string, NotificationSettings>> {
  const ids = [...new Set(institutionIds)];
  if (!ids.length) return new Map();
  const rows = (await em
    .getConnection()
    .execute(`select id, settings from institution where id in (${ids.map(() => '?').join(', ')})`, ids, 'all', em.getTransactionContext())) as {
    id: string;
    settings: Partial<InstitutionSettings> | string | null;
  }[];
  return new Map(rows.map((r) => [r.id, notificationPart(institutionSettings(r.settings))]));
}

function notificationPart(s: InstitutionSettings): NotificationSettings {
  return { alertDelaySeconds: s.alertDelaySeconds, quietHours: s.quietHours, smsTransliterate: s.smsTransliterate, smsMonthlySegmentBudget: s.smsMonthlySegmentBudget };
}
