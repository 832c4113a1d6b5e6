import { Migration } from '@mikro-orm/migrations';

export class Migration20261203174001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`notification_digest\` (\`id\` text not null, \`user_id\` text not null, \`day\` text not null, \`from_at\` datetime not null, \`cut_at\` datetime not null, \`message_ids\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`notification_digest_user_id_day_unique\` on \`notification_digest\` (\`user_id\`, \`day\`);`);
  }

}
