import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@app/platform/config/app-config';
import { ormOptions } from './orm-config';

@Module({})
export class PersistenceModule {
  /** The configuration is known when the module is built, so the driver is too. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: true })],
    };
  }
}
