import { Migration } from '@mikro-orm/migrations';

export class Migration20261204014001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`grade_statement\` (\`id\` text not null, \`student_id\` text not null, \`institution_id\` text not null, \`month\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`grade_statement_student_id_month_unique\` on \`grade_statement\` (\`student_id\`, \`month\`);`);
    this.addSql(`create table \`test_mark_reminder\` (\`id\` text not null, \`teacher_id\` text not null, \`day\` text not null, \`lesson_ids\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`test_mark_reminder_teacher_id_day_unique\` on \`test_mark_reminder\` (\`teacher_id\`, \`day\`);`);
    this.addSql(`alter table \`lesson\` add column \`is_test\` integer not null default false;`);
    this.addSql(`create table \`overdue_summary\` (\`id\` text not null, \`institution_id\` text not null, \`week\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`overdue_summary_institution_id_week_unique\` on \`overdue_summary\` (\`institution_id\`, \`week\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`grade_statement\`;`);
    this.addSql(`drop table if exists \`test_mark_reminder\`;`);
    this.addSql(`alter table \`lesson\` drop column \`is_test\`;`);
    this.addSql(`drop table if exists \`overdue_summary\`;`);
  }

}
