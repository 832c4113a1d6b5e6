import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CalendarService } from './calendar.service';
import { Clock, FixedClock, SystemClock } from './clock';
import { TimeModule } from './time.module';
import * as timeIndex from './index';

@Injectable()
class MealOrders {
  constructor(
    readonly calendar: CalendarService,
    readonly clock: Clock,
  ) {}
}

/** A feature module that does not import TimeModule: it relies on it being global. */
@Module({ providers: [MealOrders], exports: [MealOrders] })
class MealsModule {}

describe('TimeModule', () => {
  it('provides the system clock by default', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TimeModule, MealsModule] }).compile();
    expect(moduleRef.get(Clock)).toBeInstanceOf(SystemClock);
    expect(moduleRef.get(CalendarService)).toBeInstanceOf(CalendarService);
    await moduleRef.close();
  });

  it('withClock() replaces the clock everywhere, including global consumers', async () => {
    const clock = new FixedClock('2026-03-28T22:30:00Z');
    const moduleRef = await Test.createTestingModule({ imports: [TimeModule.withClock(clock), MealsModule] }).compile();
    expect(moduleRef.get(Clock)).toBe(clock);
    const meals = moduleRef.get(MealOrders);
    expect(meals.clock).toBe(clock);
    expect(meals.calendar.today()).toBe('2026-03-29');
    clock.set('2026-03-28T21:30:00Z');
    expect(meals.calendar.today()).toBe('2026-03-28');
    await moduleRef.close();
  });

  it('overrideProvider(Clock) works as well', async () => {
    const clock = new FixedClock('2026-10-24T21:30:00Z');
    const moduleRef = await Test.createTestingModule({ imports: [TimeModule, MealsModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    expect(moduleRef.get(MealOrders).calendar.today()).toBe('2026-10-25');
    await moduleRef.close();
  });

  it('index re-exports the public API', () => {
    expect(timeIndex.TimeModule).toBe(TimeModule);
    expect(timeIndex.CalendarService).toBe(CalendarService);
    expect(timeIndex.Clock).toBe(Clock);
    expect(typeof timeIndex.rigaDateTime).toBe('function');
    expect(typeof timeIndex.ClosureSet).toBe('function');
    expect(timeIndex.RIGA_TZ).toBe('Europe/Riga');
  });
});
