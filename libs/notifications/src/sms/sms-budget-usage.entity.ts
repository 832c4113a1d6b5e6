import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * SMS segments an institution has used in one Riga calendar month. Reservations change it only with
 * a conditional update (`used + n <= budget`), so parallel workers can never together exceed the
 * budget; a provider's different count is reconciled by the difference afterwards.
 */
@Entity({ tableName: 'sms_budget_usage' })
export class SmsBudgetUsage {
  @PrimaryKey({ type: 'uuid' })
  institutionId!: string;

  /** `YYYY-MM`, Riga time. */
  @PrimaryKey({ type: 'string', length: 7 })
  month!: string;

  @Property({ type: 'integer' })
  segmentsUsed: number = 0;
}
