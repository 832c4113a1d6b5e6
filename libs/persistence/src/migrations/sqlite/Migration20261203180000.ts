import { Migration } from '@mikro-orm/migrations';

/** SMS cost control: each institution's monthly segment usage, and the numbers that answered STOP. */
export class Migration20261203180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`sms_budget_usage\` (\`institution_id\` text not null, \`month\` text not null, \`segments_used\` integer not null default 0, primary key (\`institution_id\`, \`month\`));`);

    this.addSql(`create table \`sms_opt_out\` (\`phone\` text not null, \`opted_out_at\` datetime not null, primary key (\`phone\`));`);
  }

}
