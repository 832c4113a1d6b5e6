import { Migration } from '@mikro-orm/migrations';

export class Migration20261204003001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`notification_delivery\` add column \`sms_to\` text null;`);
    this.addSql(`alter table \`notification_delivery\` add column \`sms_fingerprint\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`notification_delivery\` drop column \`sms_fingerprint\`;`);
    this.addSql(`alter table \`notification_delivery\` drop column \`sms_to\`;`);
  }

}
