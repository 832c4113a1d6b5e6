import { DomainError } from '../errors/domain-error';
import { storableIssue } from '../validation/text-rules';

/** Deeper than any request we accept (the deepest, a message's `to.groups[i].groupId`, is 4). */
export const MAX_INPUT_DEPTH = 16;

/**
 * Keys that name JavaScript's prototype machinery. class-transformer drops them silently, and
 * code that merges input into an object could be steered by them; neither is acceptable.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export enum InputErrorCode {
  BODY_TOO_DEEP = 'BODY_TOO_DEEP',
  FORBIDDEN_KEY = 'FORBIDDEN_KEY',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
}

/**
 * Checks a parsed body or query before anything else reads it: nesting depth, reserved keys, and
 * strings the database cannot store (NUL, lone surrogates) in every field, including those no DTO
 * describes as free text (passwords, search terms). Walks with its own stack, so a body nested
 * 20,000 deep costs 17 steps and no recursion.
 */
export function inspectInput(root: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const issue = storableIssue(value);
      if (issue) {
        throw new DomainError('invalid', InputErrorCode.VALIDATION_FAILED, 'The request is not valid', [{ field: path, issue: `${path} ${issue}` }]);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth === MAX_INPUT_DEPTH) {
      throw new DomainError('invalid', InputErrorCode.BODY_TOO_DEEP, `The request nests more than ${MAX_INPUT_DEPTH} levels deep`);
    }
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        throw new DomainError('invalid', InputErrorCode.FORBIDDEN_KEY, `The request uses the reserved key "${key}"`, [{ field, issue: 'reserved key' }]);
      }
      stack.push({ value: child, path: field, depth: depth + 1 });
    }
  }
}
