/**
 * The instant every test app and service unit test starts at unless a test passes its own clock:
 * Wednesday 14 October 2026, 10:00 in Riga (EEST), a school day in the first term; fixtures enrol
 * from 2026-09-01.
 * Fixed so that no test passes or fails depending on the day it runs. `SP_TEST_NOW` (an ISO instant
 * with offset) moves it for a whole run, to prove exactly that: `SP_TEST_NOW=2027-03-10T08:00:00Z`.
 */
export const TEST_NOW = process.env.SP_TEST_NOW ?? '2026-10-14T07:00:00Z';
