import { Migration } from '@mikro-orm/migrations';

export class Migration20261204003628 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`lesson\` (\`id\` text not null, \`institution_id\` text not null, \`group_id\` text not null, \`subject\` text not null, \`date\` text not null, \`topic\` text null, \`homework\` text null, \`teacher_id\` text not null, \`substitute_for_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`lesson_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, constraint \`lesson_group_id_foreign\` foreign key(\`group_id\`) references \`school_group\`(\`id\`) on update cascade, constraint \`lesson_teacher_id_foreign\` foreign key(\`teacher_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`lesson_substitute_for_id_foreign\` foreign key(\`substitute_for_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`lesson_institution_id_index\` on \`lesson\` (\`institution_id\`);`);
    this.addSql(`create index \`lesson_group_id_index\` on \`lesson\` (\`group_id\`);`);
    this.addSql(`create index \`lesson_teacher_id_index\` on \`lesson\` (\`teacher_id\`);`);
    this.addSql(`create index \`lesson_substitute_for_id_index\` on \`lesson\` (\`substitute_for_id\`);`);
    this.addSql(`create index \`lesson_teacher_id_date_index\` on \`lesson\` (\`teacher_id\`, \`date\`);`);
    this.addSql(`create index \`lesson_group_id_date_index\` on \`lesson\` (\`group_id\`, \`date\`);`);

    this.addSql(`create table \`mark\` (\`id\` text not null, \`student_id\` text not null, \`institution_id\` text not null, \`group_id\` text not null, \`subject\` text not null, \`date\` text not null, \`scale\` text check (\`scale\` in ('1-10', 'pass-fail', 'S-T-A-P')) not null, \`value\` text null, \`kind\` text check (\`kind\` in ('lesson', 'test', 'semester', 'year')) not null default 'lesson', \`lesson_id\` text null, \`teacher_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`mark_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`mark_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, constraint \`mark_group_id_foreign\` foreign key(\`group_id\`) references \`school_group\`(\`id\`) on update cascade, constraint \`mark_lesson_id_foreign\` foreign key(\`lesson_id\`) references \`lesson\`(\`id\`) on delete set null on update cascade, constraint \`mark_teacher_id_foreign\` foreign key(\`teacher_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`mark_student_id_index\` on \`mark\` (\`student_id\`);`);
    this.addSql(`create index \`mark_institution_id_index\` on \`mark\` (\`institution_id\`);`);
    this.addSql(`create index \`mark_group_id_index\` on \`mark\` (\`group_id\`);`);
    this.addSql(`create index \`mark_lesson_id_index\` on \`mark\` (\`lesson_id\`);`);
    this.addSql(`create index \`mark_teacher_id_index\` on \`mark\` (\`teacher_id\`);`);
    this.addSql(`create index \`mark_group_id_date_index\` on \`mark\` (\`group_id\`, \`date\`);`);
    this.addSql(`create index \`mark_student_id_date_index\` on \`mark\` (\`student_id\`, \`date\`);`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`mark\`;`);
    this.addSql(`drop table if exists \`lesson\`;`);
  }

}
