import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190507 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "institution_id" uuid null, "action" varchar(64) not null, "object_type" varchar(40) null, "object_id" varchar(64) null, "ip" varchar(64) null, "request_id" varchar(64) null, "details" jsonb null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_object_type_object_id_index" on "audit_entry" ("object_type", "object_id");`);
    this.addSql(`create index "audit_entry_actor_id_at_index" on "audit_entry" ("actor_id", "at");`);
    this.addSql(`create index "audit_entry_institution_id_at_index" on "audit_entry" ("institution_id", "at");`);

    this.addSql(`create table "institution" ("id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in ('preschool', 'school', 'interest')) not null, "time_zone" varchar(64) not null default 'Europe/Riga', "settings" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "institution_pkey" primary key ("id"));`);

    this.addSql(`create table "school_group" ("id" uuid not null, "institution_id" uuid not null, "name" varchar(120) not null, "kind" text check ("kind" in ('preschool_group', 'class', 'programme')) not null, "school_year" varchar(9) not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "school_group_pkey" primary key ("id"));`);
    this.addSql(`create index "school_group_institution_id_school_year_index" on "school_group" ("institution_id", "school_year");`);

    this.addSql(`create table "institution_closure" ("id" uuid not null, "institution_id" uuid not null, "from_date" varchar(10) not null, "to_date" varchar(10) not null, "reason" varchar(200) not null, "created_at" timestamptz not null, constraint "institution_closure_pkey" primary key ("id"));`);
    this.addSql(`create index "institution_closure_institution_id_from_date_index" on "institution_closure" ("institution_id", "from_date");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "kind" varchar(40) not null, "payload" jsonb not null, "dedupe_key" varchar(200) null, "created_at" timestamptz not null, "available_at" timestamptz not null, "relayed_at" timestamptz null, "attempts" int not null default 0, "last_error" varchar(500) null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_relayed_at_available_at_index" on "outbox_message" ("relayed_at", "available_at");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(64) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "email" varchar(254) null, "phone" varchar(16) null, "language" text check ("language" in ('lv', 'ru', 'en')) not null default 'lv', "password_hash" varchar(255) null, "must_change_password" boolean not null default true, "password_changed_at" timestamptz null, "active" boolean not null default true, "deactivated_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(`create table "staff_assignment" ("id" uuid not null, "staff_id" uuid not null, "group_id" uuid not null, "kind" text check ("kind" in ('class_teacher', 'teacher', 'speech_therapist', 'assistant')) not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "staff_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_assignment_group_id_index" on "staff_assignment" ("group_id");`);
    this.addSql(`alter table "staff_assignment" add constraint "staff_assignment_staff_id_group_id_kind_unique" unique ("staff_id", "group_id", "kind");`);

    this.addSql(`create table "role_assignment" ("id" uuid not null, "user_id" uuid not null, "institution_id" uuid not null, "role" text check ("role" in ('head', 'deputy_head', 'admin', 'teacher', 'speech_therapist', 'nurse', 'kitchen', 'guardian', 'student')) not null, "active" boolean not null default true, "created_at" timestamptz not null, "ended_at" timestamptz null, constraint "role_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "role_assignment_institution_id_role_index" on "role_assignment" ("institution_id", "role");`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_institution_id_role_unique" unique ("user_id", "institution_id", "role");`);

    this.addSql(`create table "guardianship" ("id" uuid not null, "guardian_id" uuid not null, "student_id" uuid not null, "relation" text check ("relation" in ('mother', 'father', 'other')) not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "guardianship_pkey" primary key ("id"));`);
    this.addSql(`create index "guardianship_student_id_index" on "guardianship" ("student_id");`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_guardian_id_student_id_unique" unique ("guardian_id", "student_id");`);

    this.addSql(`create table "enrolment" ("id" uuid not null, "student_id" uuid not null, "group_id" uuid not null, "from_date" varchar(10) not null, "to_date" varchar(10) null, "created_at" timestamptz not null, constraint "enrolment_pkey" primary key ("id"));`);
    this.addSql(`create index "enrolment_student_id_index" on "enrolment" ("student_id");`);
    this.addSql(`create index "enrolment_group_id_from_date_index" on "enrolment" ("group_id", "from_date");`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "user_id" uuid not null, "generation" int not null default 1, "created_at" timestamptz not null, "last_refreshed_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(40) null, "ip" varchar(64) null, "user_agent" varchar(300) null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_user_id_revoked_at_index" on "auth_session" ("user_id", "revoked_at");`);

    this.addSql(`alter table "school_group" add constraint "school_group_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);

    this.addSql(`alter table "institution_closure" add constraint "institution_closure_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "staff_assignment" add constraint "staff_assignment_staff_id_foreign" foreign key ("staff_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "staff_assignment" add constraint "staff_assignment_group_id_foreign" foreign key ("group_id") references "school_group" ("id") on update cascade;`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);

    this.addSql(`alter table "guardianship" add constraint "guardianship_guardian_id_foreign" foreign key ("guardian_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_group_id_foreign" foreign key ("group_id") references "school_group" ("id") on update cascade;`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "school_group" drop constraint "school_group_institution_id_foreign";`);

    this.addSql(`alter table "institution_closure" drop constraint "institution_closure_institution_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_institution_id_foreign";`);

    this.addSql(`alter table "staff_assignment" drop constraint "staff_assignment_group_id_foreign";`);

    this.addSql(`alter table "enrolment" drop constraint "enrolment_group_id_foreign";`);

    this.addSql(`alter table "staff_assignment" drop constraint "staff_assignment_staff_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_user_id_foreign";`);

    this.addSql(`alter table "guardianship" drop constraint "guardianship_guardian_id_foreign";`);

    this.addSql(`alter table "guardianship" drop constraint "guardianship_student_id_foreign";`);

    this.addSql(`alter table "enrolment" drop constraint "enrolment_student_id_foreign";`);

    this.addSql(`alter table "auth_session" drop constraint "auth_session_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "institution" cascade;`);

    this.addSql(`drop table if exists "school_group" cascade;`);

    this.addSql(`drop table if exists "institution_closure" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "staff_assignment" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);

    this.addSql(`drop table if exists "guardianship" cascade;`);

    this.addSql(`drop table if exists "enrolment" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);
  }

}
