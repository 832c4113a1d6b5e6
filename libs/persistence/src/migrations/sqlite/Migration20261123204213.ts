import { Migration } from '@mikro-orm/migrations';

export class Migration20261123204213 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`message\` (\`id\` text not null, \`institution_id\` text not null, \`sender_id\` text not null, \`subject\` text not null, \`body_html\` text not null, \`body_text\` text not null, \`priority\` text check (\`priority\` in ('normal', 'urgent')) not null default 'normal', \`requires_ack\` integer not null default false, \`ack_deadline\` datetime null, \`ack_scope\` text check (\`ack_scope\` in ('each-recipient', 'one-per-student')) null, \`reply_to_id\` text null, \`thread_id\` text not null, \`status\` text check (\`status\` in ('sent', 'held', 'rejected')) not null default 'sent', \`audience\` json not null, \`recipient_count\` integer not null, \`moderation\` json null, \`moderated_by_id\` text null, \`moderated_at\` datetime null, \`moderation_reason\` text null, \`sender_folder\` text check (\`sender_folder\` in ('sent', 'archive', 'trash')) not null default 'sent', \`created_at\` datetime not null, \`sent_at\` datetime null, \`idempotency_key\` text null, \`request_hash\` text null, constraint \`message_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, constraint \`message_sender_id_foreign\` foreign key(\`sender_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`message_reply_to_id_foreign\` foreign key(\`reply_to_id\`) references \`message\`(\`id\`) on delete set null on update cascade, constraint \`message_moderated_by_id_foreign\` foreign key(\`moderated_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`message_institution_id_index\` on \`message\` (\`institution_id\`);`);
    this.addSql(`create index \`message_sender_id_index\` on \`message\` (\`sender_id\`);`);
    this.addSql(`create index \`message_reply_to_id_index\` on \`message\` (\`reply_to_id\`);`);
    this.addSql(`create index \`message_moderated_by_id_index\` on \`message\` (\`moderated_by_id\`);`);
    this.addSql(`create index \`message_thread_id_index\` on \`message\` (\`thread_id\`);`);
    this.addSql(`create index \`message_institution_id_status_created_at_index\` on \`message\` (\`institution_id\`, \`status\`, \`created_at\`);`);
    this.addSql(`create index \`message_sender_id_sender_folder_created_at_index\` on \`message\` (\`sender_id\`, \`sender_folder\`, \`created_at\`);`);
    this.addSql(`create unique index \`message_sender_id_idempotency_key_unique\` on \`message\` (\`sender_id\`, \`idempotency_key\`);`);

    this.addSql(`create table \`message_recipient\` (\`id\` text not null, \`message_id\` text not null, \`user_id\` text not null, \`student_ids\` json not null, \`delivered_at\` datetime null, \`read_at\` datetime null, \`acked_at\` datetime null, \`folder\` text check (\`folder\` in ('inbox', 'archive', 'trash')) not null default 'inbox', constraint \`message_recipient_message_id_foreign\` foreign key(\`message_id\`) references \`message\`(\`id\`) on update cascade, constraint \`message_recipient_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`message_recipient_message_id_index\` on \`message_recipient\` (\`message_id\`);`);
    this.addSql(`create index \`message_recipient_user_id_index\` on \`message_recipient\` (\`user_id\`);`);
    this.addSql(`create index \`message_recipient_user_id_folder_delivered_at_index\` on \`message_recipient\` (\`user_id\`, \`folder\`, \`delivered_at\`);`);
    this.addSql(`create unique index \`message_recipient_message_id_user_id_unique\` on \`message_recipient\` (\`message_id\`, \`user_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`message_recipient\`;`);
    this.addSql(`drop table if exists \`message\`;`);
  }

}
