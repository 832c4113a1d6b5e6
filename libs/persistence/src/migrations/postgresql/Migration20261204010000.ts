import { Migration } from '@mikro-orm/migrations';

export class Migration20261204010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification_delivery" add column "sms_reserved_segments" int null, add column "sms_reserved_month" varchar(7) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_delivery" drop column "sms_reserved_segments", drop column "sms_reserved_month";`);
  }

}
