import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { DIETS, MEALS, MealReport, type MealReportCounts } from '@app/attendance';
import { Institution, RoleAssignment, User } from '@app/directory/entities';
import type { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { twilioStatusCallbackUrl } from '../delivery-status/twilio-status.service';
import type { Composed } from '../pipeline/delivery-sender.service';
import type { EmailTable } from '../templates/template-definitions';
import { Templates } from '../templates/templates';
import { type MealLabel, mealLabels } from './meal-labels';

/**
 * A kitchen report's e-mail (text, a table, and the same table as a CSV attachment) or SMS (totals
 * per meal), composed at send time from the report row: exactly what was counted at the cut-off.
 * Counts only: no names, no notices. Goes only to someone still in the institution's kitchen.
 */
@Injectable()
export class MealReportComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The report behind this delivery, or null when its event is not a meal report. */
  async compose(d: NotificationDelivery): Promise<Composed | null> {
    const em = this.em.fork();
    const report = await em.findOne(MealReport, d.eventId);
    if (!report) return null;
    const [user, role, institution] = await Promise.all([
      em.findOne(User, d.userId),
      em.findOne(RoleAssignment, { user: d.userId, institution: report.institutionId, role: 'kitchen', active: true }),
      em.findOne(Institution, report.institutionId),
    ]);
    if (!user?.active || !role) return { suppress: 'inactive' };
    const to = d.channel === 'email' ? user.email : user.phone;
    if (!to) return { suppress: 'no-contact' };
    const counts = report.counts;
    const label = mealLabels(user.language);
    const table = reportTable(counts, label);
    const rendered = this.templates.render('meal-report', user.language, {
      institution: institution?.name ?? '',
      date: report.date,
      final: report.kind === 'same-day-final',
      totals: totalsLine(counts, label),
      change: changeLine(counts, label),
      table,
    });
    if (d.channel === 'sms') return { sms: { to, body: rendered.sms, statusCallback: twilioStatusCallbackUrl(this.config, d.id) } };
    const attachment = { filename: `meals-${report.date}-${report.kind}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table) };
    return { mail: { to, ...rendered.email, attachments: [attachment] } };
  }
}

/** One row per group and meal served, the diets across, then the totals per meal. */
export function reportTable(counts: MealReportCounts, label: MealLabel): EmailTable {
  const rows: string[][] = [];
  const line = (name: string, meal: (typeof MEALS)[number], c: Record<string, number>) => [name, label(meal), ...DIETS.map((d) => String(c[d] ?? 0)), String(c.total ?? 0)];
  for (const g of counts.groups) for (const meal of MEALS) if (g.meals[meal]) rows.push(line(g.name, meal, g.meals[meal]));
  for (const meal of MEALS) if (counts.totals[meal]) rows.push(line(label('total'), meal, counts.totals[meal]));
  return { head: [label('group'), label('meal'), ...DIETS.map(label), label('total')], rows };
}

/** RFC 4180: every field quoted, quotes doubled, CRLF line ends; a formula-looking field is defused for spreadsheets. */
export function toCsv(table: EmailTable): string {
  const field = (s: string) => `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  return [table.head, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function totalsLine(counts: MealReportCounts, label: MealLabel): string {
  return MEALS.filter((m) => counts.totals[m]).map((m) => `${label(m)} ${counts.totals[m]!.total}`).join(', ');
}

/** `lunch -1, snack +2`; null without an earlier order to compare with or when nothing changed. */
export function changeLine(counts: MealReportCounts, label: MealLabel): string | null {
  if (!counts.difference) return null;
  const changed = MEALS.filter((m) => counts.difference![m]);
  return changed.length ? changed.map((m) => `${label(m)} ${counts.difference![m]! > 0 ? '+' : ''}${counts.difference![m]}`).join(', ') : null;
}
