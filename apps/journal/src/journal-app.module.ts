import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule } from '@app/bootstrap/core.module';
import type { PlatformOptions } from '@app/platform/platform.module';
import { JournalModule } from './journal.module';

@Module({})
export class JournalAppModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return { module: JournalAppModule, imports: [CoreModule.forRoot(options), JournalModule] };
  }
}
