import { DomainError } from '../errors/domain-error';
import { inspectInput, MAX_INPUT_DEPTH } from './input-guard';

const refusal = (input: unknown) => {
  try {
    inspectInput(input);
    return undefined;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kind: e.kind, code: e.code, fields: e.details?.map((d) => d.field) };
  }
};
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('inspectInput', () => {
  it('lets ordinary bodies and queries through', () => {
    expect(refusal({ subject: 'Sveiki 👋', to: { groups: [{ groupId: 'x', audience: 'guardians' }] }, n: 1, b: true, z: null })).toBeUndefined();
    expect(refusal(undefined)).toBeUndefined();
    expect(refusal(nested(MAX_INPUT_DEPTH))).toBeUndefined();
  });

  it('refuses nesting beyond the limit without recursing', () => {
    expect(refusal(nested(MAX_INPUT_DEPTH + 1))).toEqual({ kind: 'invalid', code: 'BODY_TOO_DEEP', fields: undefined });
    expect(refusal(nested(100_000))).toEqual({ kind: 'invalid', code: 'BODY_TOO_DEEP', fields: undefined });
  });

  it('refuses prototype keys wherever they are, naming the path', () => {
    expect(refusal(JSON.parse('{"__proto__":{"isAdmin":true}}'))).toEqual({ kind: 'invalid', code: 'FORBIDDEN_KEY', fields: ['__proto__'] });
    expect(refusal(JSON.parse('{"to":{"groups":[{"constructor":1}]}}'))).toEqual({ kind: 'invalid', code: 'FORBIDDEN_KEY', fields: ['to.groups.0.constructor'] });
    expect(refusal({ prototype: 'x' })).toEqual({ kind: 'invalid', code: 'FORBIDDEN_KEY', fields: ['prototype'] });
    expect(refusal({ constructorName: 'x', proto: 1 })).toBeUndefined();
  });

  it('refuses strings the database cannot store, in any field', () => {
    expect(refusal({ password: 'a\u0000b' })).toEqual({ kind: 'invalid', code: 'VALIDATION_FAILED', fields: ['password'] });
    expect(refusal({ to: { users: ['ok', 'x\uD800'] } })).toEqual({ kind: 'invalid', code: 'VALIDATION_FAILED', fields: ['to.users.1'] });
  });
});
