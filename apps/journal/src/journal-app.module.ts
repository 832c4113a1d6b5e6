import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions } from '@app/bootstrap/core.module';
import { JournalModule } from './journal.module';

@Module({})
export class JournalAppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: JournalAppModule, imports: [CoreModule.forRoot(options), JournalModule] };
  }
}
