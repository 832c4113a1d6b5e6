import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions } from '@app/bootstrap/core.module';
import { JournalModule } from '../../journal/src/journal.module';
import { MailModule } from '../../mail/src/mail.module';
import { WorkerModule } from '../../worker/src/worker.module';

/** All three apps in one process on one port: the embedded default (`npm start`). */
@Module({})
export class EmbeddedModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: EmbeddedModule, imports: [CoreModule.forRoot(options), JournalModule, MailModule, WorkerModule] };
  }
}
