import { Migration } from '@mikro-orm/migrations';

// Written by hand to match the PostgreSQL twin (Migration20261203173945): absence notices, their periods, group meals and diets.
export class Migration20261203173946 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`group_meals\` (\`group_id\` text not null, \`breakfast\` integer not null default false, \`lunch\` integer not null default false, \`snack\` integer not null default false, constraint \`group_meals_group_id_foreign\` foreign key(\`group_id\`) references \`school_group\`(\`id\`) on delete cascade on update cascade, primary key (\`group_id\`));`);

    this.addSql(`create table \`student_diet\` (\`student_id\` text not null, \`diet\` text check (\`diet\` in ('standard', 'vegetarian', 'lactose_free', 'gluten_free', 'other')) not null, \`note\` text null, constraint \`student_diet_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade, primary key (\`student_id\`));`);

    this.addSql(`create table \`absence_notice\` (\`id\` text not null, \`student_id\` text not null, \`institution_id\` text not null, \`from_date\` text not null, \`to_date\` text null, \`reason\` text check (\`reason\` in ('illness', 'doctor_ordered_home_regime', 'family', 'adaptation', 'group_quarantine', 'other')) not null, \`note\` text null, \`status\` text check (\`status\` in ('active', 'withdrawn')) not null default 'active', \`justification\` text check (\`justification\` in ('justified', 'unjustified')) null, \`created_by_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`absence_notice_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`absence_notice_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, constraint \`absence_notice_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`absence_notice_institution_id_from_date_index\` on \`absence_notice\` (\`institution_id\`, \`from_date\`);`);
    this.addSql(`create index \`absence_notice_student_id_from_date_index\` on \`absence_notice\` (\`student_id\`, \`from_date\`);`);

    this.addSql(`create table \`absence_period\` (\`id\` text not null, \`notice_id\` text not null, \`student_id\` text not null, \`from_date\` text not null, \`to_date\` text null, \`valid_from\` datetime not null, \`valid_to\` datetime null, constraint \`absence_period_notice_id_foreign\` foreign key(\`notice_id\`) references \`absence_notice\`(\`id\`) on delete cascade on update cascade, constraint \`absence_period_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`absence_period_notice_id_index\` on \`absence_period\` (\`notice_id\`);`);
    this.addSql(`create index \`absence_period_student_id_from_date_index\` on \`absence_period\` (\`student_id\`, \`from_date\`);`);
  }

}
