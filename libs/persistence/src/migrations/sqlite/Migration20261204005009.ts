import { Migration } from '@mikro-orm/migrations';

export class Migration20261204005009 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`lesson_reminder\` (\`id\` text not null, \`teacher_id\` text not null, \`day\` text not null, \`lesson_ids\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`lesson_reminder_teacher_id_day_unique\` on \`lesson_reminder\` (\`teacher_id\`, \`day\`);`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`lesson_reminder\`;`);
  }

}
