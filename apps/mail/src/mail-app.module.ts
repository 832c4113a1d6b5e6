import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions } from '@app/bootstrap/core.module';
import { MailModule } from './mail.module';

@Module({})
export class MailAppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: MailAppModule, imports: [CoreModule.forRoot(options), MailModule] };
  }
}
