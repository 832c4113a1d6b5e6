import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRunner } from '../jobs/job-runner.service';
import { DeliverySweep } from '../pipeline/delivery-sweep.service';
import { MealReportBuilder } from './meal-report-builder.service';
import { MealUpdates } from './meal-updates.service';

/**
 * `meals.report` (from an institution's job schedulers): builds what is due for it, then queues the
 * report's deliveries at once instead of at the next sweep. `meals.update` (debounced per
 * institution × date by its producers): pushes the day's changed counts to the kitchen.
 */
@Injectable()
export class MealReportsProcessor implements OnModuleInit {
  constructor(
    private readonly jobs: JobRunner,
    private readonly builder: MealReportBuilder,
    private readonly sweep: DeliverySweep,
    private readonly updates: MealUpdates,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('meals.report', async ({ institutionId }) => {
      if (await this.builder.buildDue(institutionId)) await this.sweep.runFresh();
    });
    this.jobs.handle('meals.update', ({ institutionId, date }) => this.updates.push(institutionId, date));
  }
}
