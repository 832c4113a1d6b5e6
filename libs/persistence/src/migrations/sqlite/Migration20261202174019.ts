import { Migration } from '@mikro-orm/migrations';

// Written by hand: MikroORM 6 cannot read SQLite check constraints back, so its generated SQLite
// migration rebuilds every table; the one real change is this index.
export class Migration20261202174019 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create unique index `app_user_phone_unique` on `app_user` (`phone`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index `app_user_phone_unique`;');
  }
}
