import { Migration } from '@mikro-orm/migrations';

export class Migration20261204003000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification_delivery" add column "sms_to" varchar(32) null, add column "sms_fingerprint" varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_delivery" drop column "sms_to", drop column "sms_fingerprint";`);
  }

}
