import { Migration } from '@mikro-orm/migrations';

export class Migration20261203174000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_digest" ("id" uuid not null, "user_id" uuid not null, "day" varchar(10) not null, "from_at" timestamptz not null, "cut_at" timestamptz not null, "message_ids" jsonb not null, "created_at" timestamptz not null, constraint "notification_digest_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_digest" add constraint "notification_digest_user_id_day_unique" unique ("user_id", "day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_digest" cascade;`);
  }

}
