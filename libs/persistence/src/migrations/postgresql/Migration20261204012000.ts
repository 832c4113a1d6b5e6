import { Migration } from '@mikro-orm/migrations';

export class Migration20261204012000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lesson_attendance" ("id" uuid not null, "lesson_id" uuid not null, "student_id" uuid not null, "status" text check ("status" in ('present', 'absent', 'late')) not null, "recorded_by_id" uuid not null, "updated_at" timestamptz not null, constraint "lesson_attendance_pkey" primary key ("id"));`);
    this.addSql(`alter table "lesson_attendance" add constraint "lesson_attendance_lesson_id_student_id_unique" unique ("lesson_id", "student_id");`);
    this.addSql(`create index "lesson_attendance_student_id_index" on "lesson_attendance" ("student_id");`);
    this.addSql(`alter table "lesson_attendance" add constraint "lesson_attendance_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lesson_attendance" add constraint "lesson_attendance_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "lesson_attendance" add constraint "lesson_attendance_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add column "attendance_taken_at" timestamptz null;`);
    this.addSql(`alter table "absence_notice" add column "recorded_in_lesson" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lesson_attendance" cascade;`);
    this.addSql(`alter table "lesson" drop column "attendance_taken_at";`);
    this.addSql(`alter table "absence_notice" drop column "recorded_in_lesson";`);
  }

}
