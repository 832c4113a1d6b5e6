import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`notification_delivery\` (\`id\` text not null, \`event_id\` text not null, \`user_id\` text not null, \`channel\` text check (\`channel\` in ('email', 'sms')) not null, \`category\` text check (\`category\` in ('message', 'urgent', 'ack-reminder', 'absence-confirmation', 'meal-report', 'password', 'journal', 'account')) not null, \`institution_id\` text null, \`status\` text check (\`status\` in ('pending', 'sending', 'sent', 'delivered', 'failed', 'undelivered', 'suppressed', 'unknown')) not null default 'pending', \`reason\` text null, \`provider_id\` text null, \`segments\` integer null, \`attempts\` integer not null default 0, \`available_at\` datetime not null, \`claimed_at\` datetime null, \`sent_at\` datetime null, \`settled_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`notification_delivery_provider_id_index\` on \`notification_delivery\` (\`provider_id\`);`);
    this.addSql(`create index \`notification_delivery_institution_id_status_created_at_index\` on \`notification_delivery\` (\`institution_id\`, \`status\`, \`created_at\`);`);
    this.addSql(`create index \`notification_delivery_status_available_at_index\` on \`notification_delivery\` (\`status\`, \`available_at\`);`);
    this.addSql(`create unique index \`notification_delivery_event_id_user_id_channel_unique\` on \`notification_delivery\` (\`event_id\`, \`user_id\`, \`channel\`);`);

    this.addSql(`create table \`notification_preference\` (\`user_id\` text not null, \`categories\` json not null, \`quiet_hours\` json null, \`digest\` integer not null default false, \`updated_at\` datetime not null, primary key (\`user_id\`));`);

  }

}
