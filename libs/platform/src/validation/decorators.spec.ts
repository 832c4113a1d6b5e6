import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsInstant, QueryInt, SafeLine, SafeText } from './decorators';

class Sample {
  @IsOptional()
  @SafeLine()
  subject?: string;

  @IsOptional()
  @SafeText()
  body?: string;

  @IsOptional()
  @IsInstant()
  at?: string;

  @IsOptional()
  @QueryInt({ min: 1, max: 100 })
  limit: number = 30;
}

/** What the global validation pipe would answer: the property and message per failure. */
function check(plain: Record<string, unknown>): { value: Sample; errors: Record<string, string[]> } {
  const value = plainToInstance(Sample, plain);
  const errors = Object.fromEntries(validateSync(value).map((e) => [e.property, Object.values(e.constraints ?? {})]));
  return { value, errors };
}

describe('validation decorators', () => {
  it('pass good input through unchanged and parse a decimal query number', () => {
    const { value, errors } = check({ subject: 'Ekskursija', body: 'Rinda 1\nRinda 2', at: '2026-12-03T10:00:00+02:00', limit: '25' });
    expect(errors).toEqual({});
    expect(value).toMatchObject({ subject: 'Ekskursija', body: 'Rinda 1\nRinda 2', at: '2026-12-03T10:00:00+02:00', limit: 25 });
    expect(check({}).value.limit).toBe(30);
  });

  it('name the problem in one message per field', () => {
    expect(check({ subject: 'Rēķins \u202Efdp.exe' }).errors).toEqual({ subject: ['subject contains bidirectional control characters'] });
    expect(check({ body: '\u200B' }).errors).toEqual({ body: ['body has no visible characters'] });
    expect(check({ subject: 42 }).errors).toEqual({ subject: ['subject must be a string'] });
    expect(check({ at: '2026-W49-4' }).errors).toEqual({ at: ['at must be an ISO 8601 instant with an offset, e.g. 2026-09-01T08:00:00Z'] });
  });

  it.each(['1e308', '1e1', '0x10', '1.5', '5.0', ' 5', '+5', '-1', '0', '101', '99999999999999999999', '', 'abc'])(
    'refuse the query number %p',
    (limit) => {
      expect(check({ limit }).errors).toEqual({ limit: ['limit must be a whole number from 1 to 100'] });
    },
  );
});
