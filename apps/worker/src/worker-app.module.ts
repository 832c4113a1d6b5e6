import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule } from '@app/bootstrap/core.module';
import type { PlatformOptions } from '@app/platform/platform.module';
import { WorkerModule } from './worker.module';

@Module({})
export class WorkerAppModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(options), WorkerModule] };
  }
}
