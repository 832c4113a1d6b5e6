import { Migration } from '@mikro-orm/migrations';

export class Migration20261202174018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add constraint "app_user_phone_unique" unique ("phone");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_phone_unique";`);
  }

}
