import { startNotificationRig } from '../support/notification-rig';
import { mealReportScenarios } from '../support/meal-report-scenarios';

describe('kitchen meal reports (PostgreSQL)', () => {
  mealReportScenarios((clock) => startNotificationRig(clock));
});
