import { Migration } from '@mikro-orm/migrations';

export class Migration20261203173945 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "group_meals" ("group_id" uuid not null, "breakfast" boolean not null default false, "lunch" boolean not null default false, "snack" boolean not null default false, constraint "group_meals_pkey" primary key ("group_id"));`);

    this.addSql(`create table "student_diet" ("student_id" uuid not null, "diet" text check ("diet" in ('standard', 'vegetarian', 'lactose_free', 'gluten_free', 'other')) not null, "note" varchar(200) null, constraint "student_diet_pkey" primary key ("student_id"));`);

    this.addSql(`create table "absence_notice" ("id" uuid not null, "student_id" uuid not null, "institution_id" uuid not null, "from_date" varchar(10) not null, "to_date" varchar(10) null, "reason" text check ("reason" in ('illness', 'doctor_ordered_home_regime', 'family', 'adaptation', 'group_quarantine', 'other')) not null, "note" varchar(500) null, "status" text check ("status" in ('active', 'withdrawn')) not null default 'active', "justification" text check ("justification" in ('justified', 'unjustified')) null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "absence_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "absence_notice_institution_id_from_date_index" on "absence_notice" ("institution_id", "from_date");`);
    this.addSql(`create index "absence_notice_student_id_from_date_index" on "absence_notice" ("student_id", "from_date");`);

    this.addSql(`create table "absence_period" ("id" uuid not null, "notice_id" uuid not null, "student_id" uuid not null, "from_date" varchar(10) not null, "to_date" varchar(10) null, "valid_from" timestamptz not null, "valid_to" timestamptz null, constraint "absence_period_pkey" primary key ("id"));`);
    this.addSql(`create index "absence_period_notice_id_index" on "absence_period" ("notice_id");`);
    this.addSql(`create index "absence_period_student_id_from_date_index" on "absence_period" ("student_id", "from_date");`);

    this.addSql(`alter table "group_meals" add constraint "group_meals_group_id_foreign" foreign key ("group_id") references "school_group" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "student_diet" add constraint "student_diet_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "absence_notice" add constraint "absence_notice_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "absence_notice" add constraint "absence_notice_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);
    this.addSql(`alter table "absence_notice" add constraint "absence_notice_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "absence_period" add constraint "absence_period_notice_id_foreign" foreign key ("notice_id") references "absence_notice" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "absence_period" add constraint "absence_period_student_id_foreign" foreign key ("student_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "absence_period" drop constraint "absence_period_notice_id_foreign";`);

    this.addSql(`drop table if exists "group_meals" cascade;`);

    this.addSql(`drop table if exists "student_diet" cascade;`);

    this.addSql(`drop table if exists "absence_notice" cascade;`);

    this.addSql(`drop table if exists "absence_period" cascade;`);
  }

}
