import { Migration } from '@mikro-orm/migrations';

export class Migration20261204003628 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lesson" ("id" uuid not null, "institution_id" uuid not null, "group_id" uuid not null, "subject" varchar(80) not null, "date" varchar(10) not null, "topic" varchar(500) null, "homework" varchar(2000) null, "teacher_id" uuid not null, "substitute_for_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "lesson_pkey" primary key ("id"));`);
    this.addSql(`create index "lesson_teacher_id_date_index" on "lesson" ("teacher_id", "date");`);
    this.addSql(`create index "lesson_group_id_date_index" on "lesson" ("group_id", "date");`);

    this.addSql(`create table "mark" ("id" uuid not null, "student_id" uuid not null, "institution_id" uuid not null, "group_id" uuid not null, "subject" varchar(80) not null, "date" varchar(10) not null, "scale" text check ("scale" in ('1-10', 'pass-fail', 'S-T-A-P')) not null, "value" varchar(10) null, "kind" text check ("kind" in ('lesson', 'test', 'semester', 'year')) not null default 'lesson', "lesson_id" uuid null, "teacher_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "mark_pkey" primary key ("id"));`);
    this.addSql(`create index "mark_group_id_date_index" on "mark" ("group_id", "date");`);
    this.addSql(`create index "mark_student_id_date_index" on "mark" ("student_id", "date");`);

    this.addSql(`alter table "lesson" add constraint "lesson_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_group_id_foreign" foreign key ("group_id") references "school_group" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_teacher_id_foreign" foreign key ("teacher_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_substitute_for_id_foreign" foreign key ("substitute_for_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "mark" add constraint "mark_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_group_id_foreign" foreign key ("group_id") references "school_group" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "mark" add constraint "mark_teacher_id_foreign" foreign key ("teacher_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mark" drop constraint "mark_lesson_id_foreign";`);

    this.addSql(`drop table if exists "lesson" cascade;`);

    this.addSql(`drop table if exists "mark" cascade;`);
  }

}
