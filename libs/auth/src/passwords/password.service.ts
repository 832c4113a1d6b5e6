import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DomainError } from '@app/platform/errors';
import { AuthErrorCode } from '../auth-errors';

/** Latvian and Russian words people put in passwords that the English dictionary misses. */
const LOCAL_WORDS = [
  'parole', 'skola', 'skolotajs', 'berns', 'mamma', 'tetis', 'latvija', 'riga', 'daugavpils', 'ventspils',
  'jaunrades', 'eklase', 'pasts', 'saule', 'milestiba', 'parol', 'shkola', 'mama', 'papa', 'lubov', 'privet',
];

/** Unambiguous characters only (no 0/O, 1/l/I): the password is read off a phone screen. */
const ISSUE_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;

/**
 * argon2id hashes (OWASP's recommended parameters) and a strength estimate from zxcvbn-ts,
 * which judges guessability (dictionary words, names, keyboard walks) rather than character classes.
 */
@Injectable()
export class PasswordService {
  constructor() {
    // zxcvbn-ts 3 keeps its options globally; setting the same ones again is harmless.
    zxcvbnOptions.setOptions({
      dictionary: { ...common.dictionary, ...en.dictionary, local: LOCAL_WORDS },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      // Same work as a real check so timing does not reveal which usernames exist.
      await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Throws WEAK_PASSWORD with the estimator's reason. `userInputs`: username and names, which make guessing easy. */
  assertStrong(password: string, userInputs: string[] = []): void {
    const reasons: string[] = [];
    if (password.length < MIN_PASSWORD_LENGTH) reasons.push(`Use at least ${MIN_PASSWORD_LENGTH} characters`);
    if (password.length > 256) reasons.push('Use at most 256 characters');
    const result = zxcvbn(password.slice(0, 256), userInputs.filter(Boolean));
    if (result.score < MIN_PASSWORD_SCORE) {
      if (result.feedback.warning) reasons.push(result.feedback.warning);
      reasons.push(...result.feedback.suggestions);
      if (reasons.length === 0) reasons.push('This password is too easy to guess');
    }
    if (reasons.length) {
      throw new DomainError(
        'unprocessable',
        AuthErrorCode.WEAK_PASSWORD,
        `The password is too weak: ${reasons[0]}`,
        reasons.map((issue) => ({ field: 'newPassword', issue, score: result.score })),
      );
    }
  }

  /** A password an administrator issues (or the SMS carries): 3 groups of 4, about 69 bits. */
  issue(): string {
    const group = () => Array.from({ length: 4 }, () => ISSUE_ALPHABET[randomInt(ISSUE_ALPHABET.length)]).join('');
    return `${group()}-${group()}-${group()}`;
  }
}
