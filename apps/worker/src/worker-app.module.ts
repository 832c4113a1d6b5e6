import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions } from '@app/bootstrap/core.module';
import { WorkerModule } from './worker.module';

@Module({})
export class WorkerAppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(options), WorkerModule] };
  }
}
