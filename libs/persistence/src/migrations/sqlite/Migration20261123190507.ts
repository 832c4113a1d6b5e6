import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190507 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`at\` datetime not null, \`actor_id\` text null, \`institution_id\` text null, \`action\` text not null, \`object_type\` text null, \`object_id\` text null, \`ip\` text null, \`request_id\` text null, \`details\` json null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_entry_object_type_object_id_index\` on \`audit_entry\` (\`object_type\`, \`object_id\`);`);
    this.addSql(`create index \`audit_entry_actor_id_at_index\` on \`audit_entry\` (\`actor_id\`, \`at\`);`);
    this.addSql(`create index \`audit_entry_institution_id_at_index\` on \`audit_entry\` (\`institution_id\`, \`at\`);`);

    this.addSql(`create table \`institution\` (\`id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('preschool', 'school', 'interest')) not null, \`time_zone\` text not null default 'Europe/Riga', \`settings\` json not null, \`active\` integer not null default true, \`created_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`school_group\` (\`id\` text not null, \`institution_id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('preschool_group', 'class', 'programme')) not null, \`school_year\` text not null, \`active\` integer not null default true, \`created_at\` datetime not null, constraint \`school_group_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`school_group_institution_id_index\` on \`school_group\` (\`institution_id\`);`);
    this.addSql(`create index \`school_group_institution_id_school_year_index\` on \`school_group\` (\`institution_id\`, \`school_year\`);`);

    this.addSql(`create table \`institution_closure\` (\`id\` text not null, \`institution_id\` text not null, \`from_date\` text not null, \`to_date\` text not null, \`reason\` text not null, \`created_at\` datetime not null, constraint \`institution_closure_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`institution_closure_institution_id_index\` on \`institution_closure\` (\`institution_id\`);`);
    this.addSql(`create index \`institution_closure_institution_id_from_date_index\` on \`institution_closure\` (\`institution_id\`, \`from_date\`);`);

    this.addSql(`create table \`outbox_message\` (\`id\` text not null, \`kind\` text not null, \`payload\` json not null, \`dedupe_key\` text null, \`created_at\` datetime not null, \`available_at\` datetime not null, \`relayed_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_message_relayed_at_available_at_index\` on \`outbox_message\` (\`relayed_at\`, \`available_at\`);`);
    this.addSql(`create unique index \`outbox_message_dedupe_key_unique\` on \`outbox_message\` (\`dedupe_key\`);`);

    this.addSql(`create table \`app_user\` (\`id\` text not null, \`username\` text not null, \`given_name\` text not null, \`family_name\` text not null, \`email\` text null, \`phone\` text null, \`language\` text check (\`language\` in ('lv', 'ru', 'en')) not null default 'lv', \`password_hash\` text null, \`must_change_password\` integer not null default true, \`password_changed_at\` datetime null, \`active\` integer not null default true, \`deactivated_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);

    this.addSql(`create table \`staff_assignment\` (\`id\` text not null, \`staff_id\` text not null, \`group_id\` text not null, \`kind\` text check (\`kind\` in ('class_teacher', 'teacher', 'speech_therapist', 'assistant')) not null, \`active\` integer not null default true, \`created_at\` datetime not null, constraint \`staff_assignment_staff_id_foreign\` foreign key(\`staff_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`staff_assignment_group_id_foreign\` foreign key(\`group_id\`) references \`school_group\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`staff_assignment_staff_id_index\` on \`staff_assignment\` (\`staff_id\`);`);
    this.addSql(`create index \`staff_assignment_group_id_index\` on \`staff_assignment\` (\`group_id\`);`);
    this.addSql(`create unique index \`staff_assignment_staff_id_group_id_kind_unique\` on \`staff_assignment\` (\`staff_id\`, \`group_id\`, \`kind\`);`);

    this.addSql(`create table \`role_assignment\` (\`id\` text not null, \`user_id\` text not null, \`institution_id\` text not null, \`role\` text check (\`role\` in ('head', 'deputy_head', 'admin', 'teacher', 'speech_therapist', 'nurse', 'kitchen', 'guardian', 'student')) not null, \`active\` integer not null default true, \`created_at\` datetime not null, \`ended_at\` datetime null, constraint \`role_assignment_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`role_assignment_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`role_assignment_user_id_index\` on \`role_assignment\` (\`user_id\`);`);
    this.addSql(`create index \`role_assignment_institution_id_index\` on \`role_assignment\` (\`institution_id\`);`);
    this.addSql(`create index \`role_assignment_institution_id_role_index\` on \`role_assignment\` (\`institution_id\`, \`role\`);`);
    this.addSql(`create unique index \`role_assignment_user_id_institution_id_role_unique\` on \`role_assignment\` (\`user_id\`, \`institution_id\`, \`role\`);`);

    this.addSql(`create table \`guardianship\` (\`id\` text not null, \`guardian_id\` text not null, \`student_id\` text not null, \`relation\` text check (\`relation\` in ('mother', 'father', 'other')) not null, \`active\` integer not null default true, \`created_at\` datetime not null, constraint \`guardianship_guardian_id_foreign\` foreign key(\`guardian_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`guardianship_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`guardianship_guardian_id_index\` on \`guardianship\` (\`guardian_id\`);`);
    this.addSql(`create index \`guardianship_student_id_index\` on \`guardianship\` (\`student_id\`);`);
    this.addSql(`create unique index \`guardianship_guardian_id_student_id_unique\` on \`guardianship\` (\`guardian_id\`, \`student_id\`);`);

    this.addSql(`create table \`enrolment\` (\`id\` text not null, \`student_id\` text not null, \`group_id\` text not null, \`from_date\` text not null, \`to_date\` text null, \`created_at\` datetime not null, constraint \`enrolment_student_id_foreign\` foreign key(\`student_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`enrolment_group_id_foreign\` foreign key(\`group_id\`) references \`school_group\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`enrolment_group_id_index\` on \`enrolment\` (\`group_id\`);`);
    this.addSql(`create index \`enrolment_student_id_index\` on \`enrolment\` (\`student_id\`);`);
    this.addSql(`create index \`enrolment_group_id_from_date_index\` on \`enrolment\` (\`group_id\`, \`from_date\`);`);

    this.addSql(`create table \`auth_session\` (\`id\` text not null, \`user_id\` text not null, \`generation\` integer not null default 1, \`created_at\` datetime not null, \`last_refreshed_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_reason\` text null, \`ip\` text null, \`user_agent\` text null, constraint \`auth_session_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`auth_session_user_id_index\` on \`auth_session\` (\`user_id\`);`);
    this.addSql(`create index \`auth_session_user_id_revoked_at_index\` on \`auth_session\` (\`user_id\`, \`revoked_at\`);`);
  }

}
