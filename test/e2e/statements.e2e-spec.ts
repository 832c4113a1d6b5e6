import { startNotificationRig } from '../support/notification-rig';
import { statementScenarios } from '../support/statement-scenarios';

describe('grade statements and test reminders (PostgreSQL)', () => {
  statementScenarios((clock) => startNotificationRig(clock));
});
