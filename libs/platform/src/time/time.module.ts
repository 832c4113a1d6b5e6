import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { Clock, SystemClock } from './clock';

/**
 * Provides the {@link Clock} (real time by default) and {@link CalendarService}
 * to the whole application. Import it once, in the root module; it is global,
 * so feature modules inject `Clock` / `CalendarService` without importing it.
 *
 * Tests: import `TimeModule.withClock(new FixedClock('2026-03-28T21:30:00Z'))`
 * instead, or keep `TimeModule` and use
 * `Test.createTestingModule(...).overrideProvider(Clock).useValue(fixedClock)`.
 * Do not import the plain `TimeModule` from feature modules: a feature module
 * that imports it resolves `Clock` from that import (the system clock) rather
 * than from the test's `withClock()`.
 */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, CalendarService],
  exports: [Clock, CalendarService],
})
export class TimeModule {
  /** TimeModule with the given clock (typically a `FixedClock`) instead of the system clock. */
  static withClock(clock: Clock): DynamicModule {
    return {
      module: TimeModule,
      global: true,
      // Merged after the static providers, so this `Clock` replaces SystemClock.
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock, CalendarService],
    };
  }
}
