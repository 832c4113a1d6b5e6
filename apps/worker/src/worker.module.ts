import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AttendanceModule } from '@app/attendance/attendance.module';
import { AppConfig } from '@app/platform/config/app-config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryStatusModule } from './delivery-status/delivery-status.module';
import { DigestBuilder } from './digests/digest-builder.service';
import { DigestComposer } from './digests/digest-composer';
import { JobRunner } from './jobs/job-runner.service';
import { LessonReminderBuilder } from './lesson-reminders/lesson-reminder-builder.service';
import { LessonReminderComposer } from './lesson-reminders/lesson-reminder-composer';
import { MealReportBuilder } from './meal-reports/meal-report-builder.service';
import { MealReportComposer } from './meal-reports/meal-report-composer';
import { MealReportSchedulers } from './meal-reports/meal-report-schedulers';
import { MealReportsProcessor } from './meal-reports/meal-reports.processor';
import { MealUpdates } from './meal-reports/meal-updates.service';
import { OverdueSummaryBuilder } from './overdue-summaries/overdue-summary-builder.service';
import { OverdueSummaryComposer } from './overdue-summaries/overdue-summary-composer';
import { GradeStatementBuilder } from './statements/grade-statement-builder.service';
import { GradeStatementComposer } from './statements/grade-statement-composer';
import { TestMarkReminderBuilder } from './test-mark-reminders/test-mark-reminder-builder.service';
import { TestMarkReminderComposer } from './test-mark-reminders/test-mark-reminder-composer';
import { ChannelPause } from './pipeline/channel-pause.service';
import { DeliveryMetrics } from './pipeline/delivery-metrics';
import { DeliveryComposer, DeliverySender } from './pipeline/delivery-sender.service';
import { DeliverySweep } from './pipeline/delivery-sweep.service';
import { DeliveryProcessor } from './pipeline/delivery.processor';
import { JournalNoticeBuilders } from './pipeline/journal-notice-builders';
import { OutboxWakeListener } from './pipeline/outbox-wake.listener';
import { OutboxRelay } from './pipeline/outbox-relay.service';
import { SmsCostControl } from './pipeline/sms-budget.service';
import { SmsRate } from './pipeline/sms-rate.service';
import { SmsReconciler } from './pipeline/sms-reconciler.service';
import { TemplateComposer } from './pipeline/template-composer';
import { BullBoardDashboard } from './queue-dashboard/bull-board.handler';
import { QueueDashboardAccess } from './queue-dashboard/queue-dashboard.access';
import { QueueDashboardController } from './queue-dashboard/queue-dashboard.controller';
import { QueueDashboardHandler, QueueDashboardMount } from './queue-dashboard/queue-dashboard.mount';
import { QueueRegistry } from './queues/queue-registry.service';
import { SendersModule } from './senders/senders.module';
import { Templates } from './templates/templates';

/**
 * The notifications worker: outbox relay, daily digests and recovery sweep on timers, one BullMQ
 * processor per job of the catalogue, senders chosen by configuration, and the deliveries admins
 * look at.
 */
@Module({
  imports: [TerminusModule, SendersModule, DeliveryStatusModule, AttendanceModule],
  controllers: [DeliveriesController, QueueDashboardController],
  providers: [
    QueueRegistry,
    JobRunner,
    ChannelPause,
    OutboxRelay,
    OutboxWakeListener,
    DeliverySweep,
    DeliverySender,
    SmsCostControl,
    SmsRate,
    SmsReconciler,
    DeliveryMetrics,
    DeliveryProcessor,
    DeliveriesService,
    QueueDashboardAccess,
    QueueDashboardMount,
    { provide: QueueDashboardHandler, useClass: BullBoardDashboard },
    DigestBuilder,
    DigestComposer,
    MealReportBuilder,
    MealReportComposer,
    MealReportSchedulers,
    MealUpdates,
    MealReportsProcessor,
    LessonReminderBuilder,
    LessonReminderComposer,
    GradeStatementBuilder,
    GradeStatementComposer,
    TestMarkReminderBuilder,
    TestMarkReminderComposer,
    OverdueSummaryBuilder,
    OverdueSummaryComposer,
    JournalNoticeBuilders,
    { provide: Templates, inject: [AppConfig], useFactory: (config: AppConfig) => new Templates(config) },
    { provide: DeliveryComposer, useClass: TemplateComposer },
  ],
  exports: [QueueRegistry],
})
export class WorkerModule {}
