import { Migration } from '@mikro-orm/migrations';

/** SMS cost control: each institution's monthly segment usage, and the numbers that answered STOP. */
export class Migration20261203180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sms_budget_usage" ("institution_id" uuid not null, "month" varchar(7) not null, "segments_used" int not null default 0, constraint "sms_budget_usage_pkey" primary key ("institution_id", "month"));`);

    this.addSql(`create table "sms_opt_out" ("phone" varchar(32) not null, "opted_out_at" timestamptz not null, constraint "sms_opt_out_pkey" primary key ("phone"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_budget_usage" cascade;`);

    this.addSql(`drop table if exists "sms_opt_out" cascade;`);
  }

}
