import {
  RIGA_TZ,
  addDays,
  dayOfWeek,
  eachDate,
  fromEpochDay,
  isLocalDate,
  isLocalTime,
  rigaDate,
  rigaDateTime,
  toEpochDay,
} from './riga-time';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('riga-time', () => {
  it('uses the Europe/Riga zone', () => {
    expect(RIGA_TZ).toBe('Europe/Riga');
  });

  describe('isLocalDate', () => {
    it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
      'accepts %s',
      (s) => expect(isLocalDate(s)).toBe(true),
    );
    it.each([
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '26-01-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01T00:00:00Z',
      '2026/01/01',
      '0000-01-01',
      '',
    ])('rejects %j', (s) => expect(isLocalDate(s)).toBe(false));
    it('rejects non-strings', () => {
      expect(isLocalDate(20260101)).toBe(false);
      expect(isLocalDate(null)).toBe(false);
      expect(isLocalDate(new Date())).toBe(false);
    });
  });

  it('isLocalTime accepts HH:mm only', () => {
    expect(['00:00', '08:50', '09:30', '23:59'].every(isLocalTime)).toBe(true);
    expect(['24:00', '9:30', '09:60', '09:30:00', ''].some(isLocalTime)).toBe(false);
  });

  describe('rigaDate', () => {
    it('is the Riga calendar date, not the UTC one (winter, UTC+2)', () => {
      expect(rigaDate(at('2026-01-15T21:59:59.999Z'))).toBe('2026-01-15');
      expect(rigaDate(at('2026-01-15T22:00:00Z'))).toBe('2026-01-16');
    });

    it('is the Riga calendar date in summer (UTC+3)', () => {
      expect(rigaDate(at('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
      expect(rigaDate(at('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
    });

    it('handles the evening before the spring-forward Sunday 2026-03-29 (still EET)', () => {
      expect(rigaDate(at('2026-03-28T21:30:00Z'))).toBe('2026-03-28'); // 23:30 EET
      expect(rigaDate(at('2026-03-28T22:30:00Z'))).toBe('2026-03-29'); // 00:30 EET
      expect(rigaDate(at('2026-03-29T00:59:59Z'))).toBe('2026-03-29'); // 02:59:59 EET
      expect(rigaDate(at('2026-03-29T01:00:00Z'))).toBe('2026-03-29'); // 04:00 EEST
      expect(rigaDate(at('2026-03-29T20:59:59Z'))).toBe('2026-03-29'); // 23:59:59 EEST
      expect(rigaDate(at('2026-03-29T21:00:00Z'))).toBe('2026-03-30');
    });

    it('handles the evening before the fall-back Sunday 2026-10-25 (still EEST)', () => {
      expect(rigaDate(at('2026-10-24T20:59:59Z'))).toBe('2026-10-24'); // 23:59:59 EEST
      expect(rigaDate(at('2026-10-24T21:30:00Z'))).toBe('2026-10-25'); // 00:30 EEST
      expect(rigaDate(at('2026-10-24T22:30:00Z'))).toBe('2026-10-25'); // 01:30 EEST
      expect(rigaDate(at('2026-10-25T21:59:59Z'))).toBe('2026-10-25'); // 23:59:59 EET
      expect(rigaDate(at('2026-10-25T22:00:00Z'))).toBe('2026-10-26');
    });

    it('rejects an invalid Date', () => {
      expect(() => rigaDate(new Date(Number.NaN))).toThrow(RangeError);
    });
  });

  describe('rigaDateTime', () => {
    it('09:30 Riga is 07:30Z in winter and 06:30Z in summer', () => {
      expect(iso(rigaDateTime('2026-01-15', '09:30'))).toBe('2026-01-15T07:30:00.000Z');
      expect(iso(rigaDateTime('2026-07-15', '09:30'))).toBe('2026-07-15T06:30:00.000Z');
    });

    it('cut-offs around the spring-forward switch (2026-03-29)', () => {
      expect(iso(rigaDateTime('2026-03-28', '09:30'))).toBe('2026-03-28T07:30:00.000Z');
      expect(iso(rigaDateTime('2026-03-28', '08:50'))).toBe('2026-03-28T06:50:00.000Z');
      expect(iso(rigaDateTime('2026-03-29', '09:30'))).toBe('2026-03-29T06:30:00.000Z');
      expect(iso(rigaDateTime('2026-03-29', '08:50'))).toBe('2026-03-29T05:50:00.000Z');
      expect(iso(rigaDateTime('2026-03-30', '08:50'))).toBe('2026-03-30T05:50:00.000Z');
    });

    it('cut-offs around the fall-back switch (2026-10-25)', () => {
      expect(iso(rigaDateTime('2026-10-24', '09:30'))).toBe('2026-10-24T06:30:00.000Z');
      expect(iso(rigaDateTime('2026-10-24', '08:50'))).toBe('2026-10-24T05:50:00.000Z');
      expect(iso(rigaDateTime('2026-10-25', '09:30'))).toBe('2026-10-25T07:30:00.000Z');
      expect(iso(rigaDateTime('2026-10-25', '08:50'))).toBe('2026-10-25T06:50:00.000Z');
    });

    it('moves a wall time in the spring-forward gap (03:00–03:59) forward by the gap', () => {
      expect(iso(rigaDateTime('2026-03-29', '02:59'))).toBe('2026-03-29T00:59:00.000Z'); // EET
      expect(iso(rigaDateTime('2026-03-29', '03:00'))).toBe('2026-03-29T01:00:00.000Z'); // = 04:00 EEST
      expect(iso(rigaDateTime('2026-03-29', '03:30'))).toBe('2026-03-29T01:30:00.000Z'); // = 04:30 EEST
      expect(iso(rigaDateTime('2026-03-29', '03:59'))).toBe('2026-03-29T01:59:00.000Z');
      expect(iso(rigaDateTime('2026-03-29', '04:00'))).toBe('2026-03-29T01:00:00.000Z'); // EEST
      expect(iso(rigaDateTime('2025-03-30', '03:30'))).toBe('2025-03-30T01:30:00.000Z');
    });

    it('uses the first (EEST) occurrence of the repeated hour 03:00–03:59 unless told otherwise', () => {
      expect(iso(rigaDateTime('2026-10-25', '02:59'))).toBe('2026-10-24T23:59:00.000Z'); // EEST
      expect(iso(rigaDateTime('2026-10-25', '03:00'))).toBe('2026-10-25T00:00:00.000Z'); // EEST
      expect(iso(rigaDateTime('2026-10-25', '03:30'))).toBe('2026-10-25T00:30:00.000Z'); // EEST
      expect(iso(rigaDateTime('2026-10-25', '03:59'))).toBe('2026-10-25T00:59:00.000Z');
      expect(iso(rigaDateTime('2026-10-25', '03:30', 'later'))).toBe('2026-10-25T01:30:00.000Z'); // EET
      expect(iso(rigaDateTime('2026-10-25', '03:00', 'later'))).toBe('2026-10-25T01:00:00.000Z');
      expect(iso(rigaDateTime('2026-10-25', '04:00'))).toBe('2026-10-25T02:00:00.000Z'); // EET
      expect(iso(rigaDateTime('2026-10-25', '04:00', 'later'))).toBe('2026-10-25T02:00:00.000Z');
      expect(iso(rigaDateTime('2025-10-26', '03:30'))).toBe('2025-10-26T00:30:00.000Z');
    });

    it('round-trips with rigaDate at midnight', () => {
      expect(rigaDate(rigaDateTime('2026-03-29', '00:00'))).toBe('2026-03-29');
      expect(rigaDate(rigaDateTime('2026-10-25', '23:59'))).toBe('2026-10-25');
      expect(iso(rigaDateTime('2026-01-01', '00:00'))).toBe('2025-12-31T22:00:00.000Z');
    });

    it('rejects malformed input', () => {
      expect(() => rigaDateTime('2026-02-29', '09:30')).toThrow(RangeError);
      expect(() => rigaDateTime('2026-03-29', '9:30')).toThrow(RangeError);
      expect(() => rigaDateTime('2026-03-29', '24:00')).toThrow(RangeError);
      expect(() => rigaDateTime('2026-03-29', '09:30:00')).toThrow(RangeError);
    });
  });

  describe('date arithmetic', () => {
    it('addDays crosses months, years and leap days', () => {
      expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // DST does not matter for dates
      expect(addDays('2026-10-25', 0)).toBe('2026-10-25');
      expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
      expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
      expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    });

    it('dayOfWeek is 1 = Monday … 7 = Sunday', () => {
      expect(dayOfWeek('2026-03-23')).toBe(1);
      expect(dayOfWeek('2026-03-27')).toBe(5);
      expect(dayOfWeek('2026-03-28')).toBe(6);
      expect(dayOfWeek('2026-03-29')).toBe(7);
      expect(dayOfWeek('1970-01-01')).toBe(4);
      expect(dayOfWeek('1969-12-28')).toBe(7);
      expect(dayOfWeek('2028-11-18')).toBe(6);
    });

    it('eachDate lists both ends inclusive', () => {
      expect(eachDate('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
      expect(eachDate('2026-03-29', '2026-03-29')).toEqual(['2026-03-29']);
      expect(eachDate('2026-03-30', '2026-03-29')).toEqual([]);
      expect(eachDate('2025-12-30', '2026-01-02')).toHaveLength(4);
    });

    it('epoch days round-trip', () => {
      expect(toEpochDay('1970-01-01')).toBe(0);
      expect(toEpochDay('1969-12-31')).toBe(-1);
      expect(fromEpochDay(toEpochDay('2026-10-25'))).toBe('2026-10-25');
      expect(fromEpochDay(toEpochDay('0099-06-01'))).toBe('0099-06-01');
      expect(() => fromEpochDay(1.5)).toThrow(RangeError);
    });
  });
});
