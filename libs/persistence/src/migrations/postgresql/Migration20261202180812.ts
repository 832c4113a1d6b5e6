import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_delivery" ("id" uuid not null, "event_id" uuid not null, "user_id" uuid not null, "channel" text check ("channel" in ('email', 'sms')) not null, "category" text check ("category" in ('message', 'urgent', 'ack-reminder', 'absence-confirmation', 'meal-report', 'password', 'journal', 'account')) not null, "institution_id" uuid null, "status" text check ("status" in ('pending', 'sending', 'sent', 'delivered', 'failed', 'undelivered', 'suppressed', 'unknown')) not null default 'pending', "reason" varchar(200) null, "provider_id" varchar(200) null, "segments" int null, "attempts" int not null default 0, "available_at" timestamptz not null, "claimed_at" timestamptz null, "sent_at" timestamptz null, "settled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "notification_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_delivery_provider_id_index" on "notification_delivery" ("provider_id");`);
    this.addSql(`create index "notification_delivery_institution_id_status_created_at_index" on "notification_delivery" ("institution_id", "status", "created_at");`);
    this.addSql(`create index "notification_delivery_status_available_at_index" on "notification_delivery" ("status", "available_at");`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_event_id_user_id_channel_unique" unique ("event_id", "user_id", "channel");`);

    this.addSql(`create table "notification_preference" ("user_id" uuid not null, "categories" jsonb not null, "quiet_hours" jsonb null, "digest" boolean not null default false, "updated_at" timestamptz not null, constraint "notification_preference_pkey" primary key ("user_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_delivery" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);
  }

}
