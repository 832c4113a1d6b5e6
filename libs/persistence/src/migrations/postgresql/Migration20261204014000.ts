import { Migration } from '@mikro-orm/migrations';

export class Migration20261204014000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "grade_statement" ("id" uuid not null, "student_id" uuid not null, "institution_id" uuid not null, "month" varchar(7) not null, "created_at" timestamptz not null, constraint "grade_statement_pkey" primary key ("id"));`);
    this.addSql(`alter table "grade_statement" add constraint "grade_statement_student_id_month_unique" unique ("student_id", "month");`);
    this.addSql(`create table "test_mark_reminder" ("id" uuid not null, "teacher_id" uuid not null, "day" varchar(10) not null, "lesson_ids" jsonb not null, "created_at" timestamptz not null, constraint "test_mark_reminder_pkey" primary key ("id"));`);
    this.addSql(`alter table "test_mark_reminder" add constraint "test_mark_reminder_teacher_id_day_unique" unique ("teacher_id", "day");`);
    this.addSql(`alter table "lesson" add column "is_test" boolean not null default false;`);
    this.addSql(`create table "overdue_summary" ("id" uuid not null, "institution_id" uuid not null, "week" varchar(10) not null, "created_at" timestamptz not null, constraint "overdue_summary_pkey" primary key ("id"));`);
    this.addSql(`alter table "overdue_summary" add constraint "overdue_summary_institution_id_week_unique" unique ("institution_id", "week");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "grade_statement" cascade;`);
    this.addSql(`drop table if exists "test_mark_reminder" cascade;`);
    this.addSql(`alter table "lesson" drop column "is_test";`);
    this.addSql(`drop table if exists "overdue_summary" cascade;`);
  }

}
