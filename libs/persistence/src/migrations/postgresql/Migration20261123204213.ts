import { Migration } from '@mikro-orm/migrations';

export class Migration20261123204213 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "message" ("id" uuid not null, "institution_id" uuid not null, "sender_id" uuid not null, "subject" varchar(200) not null, "body_html" text not null, "body_text" text not null, "priority" text check ("priority" in ('normal', 'urgent')) not null default 'normal', "requires_ack" boolean not null default false, "ack_deadline" timestamptz null, "ack_scope" text check ("ack_scope" in ('each-recipient', 'one-per-student')) null, "reply_to_id" uuid null, "thread_id" uuid not null, "status" text check ("status" in ('sent', 'held', 'rejected')) not null default 'sent', "audience" jsonb not null, "recipient_count" int not null, "moderation" jsonb null, "moderated_by_id" uuid null, "moderated_at" timestamptz null, "moderation_reason" varchar(500) null, "sender_folder" text check ("sender_folder" in ('sent', 'archive', 'trash')) not null default 'sent', "created_at" timestamptz not null, "sent_at" timestamptz null, "idempotency_key" varchar(200) null, "request_hash" varchar(64) null, constraint "message_pkey" primary key ("id"));`);
    this.addSql(`create index "message_thread_id_index" on "message" ("thread_id");`);
    this.addSql(`create index "message_institution_id_status_created_at_index" on "message" ("institution_id", "status", "created_at");`);
    this.addSql(`create index "message_sender_id_sender_folder_created_at_index" on "message" ("sender_id", "sender_folder", "created_at");`);
    this.addSql(`alter table "message" add constraint "message_sender_id_idempotency_key_unique" unique ("sender_id", "idempotency_key");`);

    this.addSql(`create table "message_recipient" ("id" uuid not null, "message_id" uuid not null, "user_id" uuid not null, "student_ids" jsonb not null, "delivered_at" timestamptz null, "read_at" timestamptz null, "acked_at" timestamptz null, "folder" text check ("folder" in ('inbox', 'archive', 'trash')) not null default 'inbox', constraint "message_recipient_pkey" primary key ("id"));`);
    this.addSql(`create index "message_recipient_user_id_folder_delivered_at_index" on "message_recipient" ("user_id", "folder", "delivered_at");`);
    this.addSql(`alter table "message_recipient" add constraint "message_recipient_message_id_user_id_unique" unique ("message_id", "user_id");`);

    this.addSql(`alter table "message" add constraint "message_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);
    this.addSql(`alter table "message" add constraint "message_sender_id_foreign" foreign key ("sender_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "message" add constraint "message_reply_to_id_foreign" foreign key ("reply_to_id") references "message" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "message" add constraint "message_moderated_by_id_foreign" foreign key ("moderated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "message_recipient" add constraint "message_recipient_message_id_foreign" foreign key ("message_id") references "message" ("id") on update cascade;`);
    this.addSql(`alter table "message_recipient" add constraint "message_recipient_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "message" drop constraint "message_reply_to_id_foreign";`);

    this.addSql(`alter table "message_recipient" drop constraint "message_recipient_message_id_foreign";`);

    this.addSql(`drop table if exists "message" cascade;`);

    this.addSql(`drop table if exists "message_recipient" cascade;`);
  }

}
