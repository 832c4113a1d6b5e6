import { Migration } from '@mikro-orm/migrations';

export class Migration20261203190001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`notification_delivery\` add column \`handed_at\` datetime null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`notification_delivery\` drop column \`handed_at\`;`);
  }

}
