import { Migration } from '@mikro-orm/migrations';

export class Migration20261202174736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "password_history" ("id" serial primary key, "user_id" uuid not null, "hash" varchar(255) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "password_history_user_id_id_index" on "password_history" ("user_id", "id");`);

    this.addSql(`alter table "password_history" add constraint "password_history_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "password_history" cascade;`);
  }

}
