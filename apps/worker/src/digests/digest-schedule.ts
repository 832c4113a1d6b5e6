import { rigaDate, rigaDateTime } from '@app/platform/time/riga-time';

export interface DigestDay {
  /** Riga-local date `YYYY-MM-DD`. */
  day: string;
  /** The day's digest instant (`DIGEST_TIME` on Riga clocks): the end of the window it covers. */
  cutAt: Date;
}

/**
 * Today's digest if its time has come, else null. Only today: a digest missed while the worker was
 * down is built when it is back on the same day; an earlier missed day's messages are not lost, they
 * fall into the next digest's window, which starts at the previous digest's cut.
 */
export function dueDigestDay(now: Date, digestTime: string): DigestDay | null {
  const day = rigaDate(now);
  return settledAfter(now, day, digestTime) ? { day, cutAt: rigaDateTime(day, digestTime) } : null;
}

/** Whether the settle margin after `time` on the Riga day `day` has passed: then what is stamped before that time is all committed. */
export function settledAfter(now: Date, day: string, time: string): boolean {
  return now.getTime() >= rigaDateTime(day, time).getTime() + SETTLE_MS;
}

/**
 * A digest is built this long after its cut: a message stamped delivered just before the cut whose
 * transaction commits just after it would otherwise be missed by this digest and, being before the
 * cut, by the next one too.
 */
export const SETTLE_MS = 30_000;

/** Without a previous digest, the window reaches this far back from the cut. */
export const FIRST_WINDOW_MS = 24 * 3_600_000;
