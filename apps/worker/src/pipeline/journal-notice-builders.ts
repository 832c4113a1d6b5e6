import { Injectable, Logger } from '@nestjs/common';
import { OverdueSummaryBuilder } from '../overdue-summaries/overdue-summary-builder.service';
import { GradeStatementBuilder } from '../statements/grade-statement-builder.service';
import { TestMarkReminderBuilder } from '../test-mark-reminders/test-mark-reminder-builder.service';

/**
 * The journal's scheduled notices that the sweep builds once their time has come: monthly grade
 * statements, unmarked-test reminders and the deputy heads' weekly overdue summary. Each is guarded by
 * its own unique row, so a failure of one is logged and retried by the next sweep without holding up
 * the others.
 */
@Injectable()
export class JournalNoticeBuilders {
  private readonly logger = new Logger('JournalNoticeBuilders');

  constructor(
    private readonly statements: GradeStatementBuilder,
    private readonly testReminders: TestMarkReminderBuilder,
    private readonly overdueSummaries: OverdueSummaryBuilder,
  ) {}

  async buildDue(): Promise<void> {
    const builders = { 'grade statements': this.statements, 'test mark reminders': this.testReminders, 'overdue summaries': this.overdueSummaries };
    for (const [name, builder] of Object.entries(builders)) {
      await builder.buildDue().catch((err: unknown) => this.logger.warn({ err }, `${name} not built; the next sweep retries`));
    }
  }
}
