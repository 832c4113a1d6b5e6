import { Module, type DynamicModule } from '@nestjs/common';
import type { ModerationOptions } from './core/types';
import { MODERATION_OPTIONS, ModerationService } from './moderation.service';

export { MODERATION_OPTIONS };

@Module({
  providers: [ModerationService],
  exports: [ModerationService],
})
export class ModerationModule {
  /** Module-wide default policy; per-institution options can still be passed to each call. */
  static forRoot(options: ModerationOptions = {}): DynamicModule {
    return {
      module: ModerationModule,
      providers: [{ provide: MODERATION_OPTIONS, useValue: options }, ModerationService],
      exports: [ModerationService],
    };
  }
}
