import { Migration } from '@mikro-orm/migrations';

export class Migration20261203183305 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "meal_report" ("id" uuid not null, "institution_id" uuid not null, "date" varchar(10) not null, "kind" text check ("kind" in ('next-day', 'same-day-final')) not null, "version" bigint not null, "counts" jsonb not null, "computed_at" timestamptz not null, "sent_at" timestamptz not null, constraint "meal_report_pkey" primary key ("id"));`);
    this.addSql(`alter table "meal_report" add constraint "meal_report_institution_id_date_kind_unique" unique ("institution_id", "date", "kind");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meal_report" cascade;`);
  }

}
