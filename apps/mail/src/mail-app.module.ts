import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule } from '@app/bootstrap/core.module';
import type { PlatformOptions } from '@app/platform/platform.module';
import { MailModule } from './mail.module';

@Module({})
export class MailAppModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return { module: MailAppModule, imports: [CoreModule.forRoot(options), MailModule] };
  }
}
