import { Migration } from '@mikro-orm/migrations';

export class Migration20261204012000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`lesson_attendance\` (\`id\` text not null, \`lesson_id\` text not null, \`student_id\` text not null, \`status\` text check (\`status\` in ('present', 'absent', 'late')) not null, \`recorded_by_id\` text not null, \`updated_at\` datetime not null, constraint \`lesson_attendance_lesson_id_foreign\` foreign key(\`lesson_id\`) references \`lesson\`(\`id\`) on delete cascade on update cascade, constraint \`lesson_attendance_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`lesson_attendance_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`lesson_attendance_lesson_id_student_id_unique\` on \`lesson_attendance\` (\`lesson_id\`, \`student_id\`);`);
    this.addSql(`create index \`lesson_attendance_student_id_index\` on \`lesson_attendance\` (\`student_id\`);`);
    this.addSql(`alter table \`lesson\` add column \`attendance_taken_at\` datetime null;`);
    this.addSql(`alter table \`absence_notice\` add column \`recorded_in_lesson\` integer not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`lesson_attendance\`;`);
    this.addSql(`alter table \`lesson\` drop column \`attendance_taken_at\`;`);
    this.addSql(`alter table \`absence_notice\` drop column \`recorded_in_lesson\`;`);
  }

}
