import { Migration } from '@mikro-orm/migrations';

export class Migration20261204010001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`notification_delivery\` add column \`sms_reserved_segments\` integer null;`);
    this.addSql(`alter table \`notification_delivery\` add column \`sms_reserved_month\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`notification_delivery\` drop column \`sms_reserved_month\`;`);
    this.addSql(`alter table \`notification_delivery\` drop column \`sms_reserved_segments\`;`);
  }

}
