import { Migration } from '@mikro-orm/migrations';

export class Migration20261204005006 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lesson_reminder" ("id" uuid not null, "teacher_id" uuid not null, "day" varchar(10) not null, "lesson_ids" jsonb not null, "created_at" timestamptz not null, constraint "lesson_reminder_pkey" primary key ("id"));`);
    this.addSql(`alter table "lesson_reminder" add constraint "lesson_reminder_teacher_id_day_unique" unique ("teacher_id", "day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lesson_reminder" cascade;`);
  }

}
