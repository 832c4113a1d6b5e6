import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { User } from '@app/directory/entities/user.entity';
import { DomainError } from '@app/platform/errors';
import { AuthErrorCode } from '../auth-errors';
import { PasswordHistory } from '../entities/password-history.entity';

/** Latvian and Russian words people put in passwords that the English dictionary misses. */
const LOCAL_WORDS = [
  'parole', 'skola', 'skolotajs', 'berns', 'mamma', 'tetis', 'latvija', 'riga', 'daugavpils', 'ventspils',
  'jaunrades', 'eklase', 'pasts', 'saule', 'milestiba', 'parol', 'shkola', 'mama', 'papa', 'lubov', 'privet',
];

/** Unambiguous characters only (no 0/O, 1/l/I): the password is read off a phone screen. */
const ISSUE_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;
/** Passwords a user may not choose again: the current one and those before it, this many in all. */
export const PASSWORD_HISTORY = 5;

/**
 * The person's own words for the strength estimate: each text whole, its words, and both again
 * without diacritics ("Bērziņa" is typed "berzina" as often as not).
 */
export function personalWords(texts: ReadonlyArray<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    for (const variant of [lower, lower.normalize('NFD').replace(/\p{M}/gu, '')]) {
      words.add(variant);
      for (const w of variant.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) words.add(w);
    }
  }
  return [...words];
}

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

  /** Throws WEAK_PASSWORD with the estimator's reason. `userInputs`: the person's own words (see `personalWords`). */
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

  /** Sets the user's password (chosen or issued) and remembers it, keeping the newest PASSWORD_HISTORY. */
  async assign(em: EntityManager, user: User, password: string, at: Date): Promise<void> {
    user.passwordHash = await this.hash(password);
    const kept = await em.find(
      PasswordHistory,
      { user: user.id },
      { orderBy: { id: 'desc' }, limit: PASSWORD_HISTORY - 1, fields: ['id'] },
    );
    if (kept.length === PASSWORD_HISTORY - 1) {
      await em.nativeDelete(PasswordHistory, { user: user.id, id: { $lt: kept[kept.length - 1].id } });
    }
    em.create(PasswordHistory, { user, hash: user.passwordHash, createdAt: at });
  }

  /** Throws PASSWORD_REUSED when `password` is the current one or among the recent ones. */
  async assertNotRecent(em: EntityManager, user: User, password: string): Promise<void> {
    const recent = await em.find(PasswordHistory, { user: user.id }, { orderBy: { id: 'desc' }, limit: PASSWORD_HISTORY });
    // Accounts older than the history have only their current hash.
    const hashes = new Set([user.passwordHash, ...recent.map((r) => r.hash)].filter((h): h is string => Boolean(h)));
    const matches = await Promise.all([...hashes].map((h) => this.verify(h, password)));
    if (matches.some(Boolean)) {
      throw new DomainError('unprocessable', AuthErrorCode.PASSWORD_REUSED, 'Choose a password you have not used here recently', [
        { field: 'newPassword', issue: `same as one of your last ${PASSWORD_HISTORY} passwords` },
      ]);
    }
  }

  /** A password an administrator issues (or the SMS carries): 3 groups of 4, about 69 bits. */
  issue(): string {
    const group = () => Array.from({ length: 4 }, () => ISSUE_ALPHABET[randomInt(ISSUE_ALPHABET.length)]).join('');
    return `${group()}-${group()}-${group()}`;
  }
}
