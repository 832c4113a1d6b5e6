import { Migration } from '@mikro-orm/migrations';

export class Migration20261202174736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`password_history\` (\`id\` integer not null primary key autoincrement, \`user_id\` text not null, \`hash\` text not null, \`created_at\` datetime not null, constraint \`password_history_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`password_history_user_id_index\` on \`password_history\` (\`user_id\`);`);
    this.addSql(`create index \`password_history_user_id_id_index\` on \`password_history\` (\`user_id\`, \`id\`);`);
  }

}
