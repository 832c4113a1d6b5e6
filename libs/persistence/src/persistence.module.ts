import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { ormOptions } from './orm-config';

@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...ormOptions(config), registerRequestContext: true }),
    }),
  ],
})
export class PersistenceModule {}
