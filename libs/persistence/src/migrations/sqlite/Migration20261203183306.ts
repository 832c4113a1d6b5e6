import { Migration } from '@mikro-orm/migrations';

export class Migration20261203183306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`meal_report\` (\`id\` text not null, \`institution_id\` text not null, \`date\` text not null, \`kind\` text check (\`kind\` in ('next-day', 'same-day-final')) not null, \`version\` bigint not null, \`counts\` json not null, \`computed_at\` datetime not null, \`sent_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`meal_report_institution_id_date_kind_unique\` on \`meal_report\` (\`institution_id\`, \`date\`, \`kind\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`meal_report\`;`);
  }

}
