import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isEmail } from 'class-validator';
import { DirectoryErrorCode, directoryError } from './directory-errors';

/**
 * A guardian's mobile number in E.164. Latvian numbers may be written locally ("29 123 456");
 * foreign ones need their +country prefix. Landlines are refused: the password comes by SMS.
 */
export function normalizeMobile(input: string, field = 'phone'): string {
  const phone = parsePhoneNumberFromString(input.trim(), 'LV');
  if (!phone || !phone.isValid()) {
    throw directoryError.invalid(DirectoryErrorCode.INVALID_PHONE, `${input} is not a valid phone number`, [
      { field, issue: 'not a valid phone number; use +<country code> for numbers outside Latvia' },
    ]);
  }
  const type = phone.getType();
  if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE' && type !== 'PERSONAL_NUMBER') {
    throw directoryError.invalid(DirectoryErrorCode.INVALID_PHONE, `${input} is not a mobile number`, [
      { field, issue: 'must be a mobile number that can receive SMS' },
    ]);
  }
  return phone.number;
}

export function normalizeEmail(input: string, field = 'email'): string {
  const email = input.trim();
  if (email.length > 254 || !isEmail(email, { allow_utf8_local_part: false, require_tld: true })) {
    throw directoryError.invalid(DirectoryErrorCode.INVALID_EMAIL, `${input} is not a valid e-mail address`, [
      { field, issue: 'not a valid e-mail address' },
    ]);
  }
  const at = email.lastIndexOf('@');
  return email.slice(0, at) + email.slice(at).toLowerCase();
}

const LATIN: Record<string, string> = {
  ā: 'a', č: 'c', ē: 'e', ģ: 'g', ī: 'i', ķ: 'k', ļ: 'l', ņ: 'n', š: 's', ū: 'u', ž: 'z', ō: 'o', ŗ: 'r',
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja',
};

/** `Anna Bērziņa` → `anna.berzina`, `Ольга Петрова` → `olga.petrova`; the caller adds a number if taken. */
export function usernameBase(givenName: string, familyName: string): string {
  const part = (s: string) =>
    [...s.toLowerCase()]
      .map((c) => LATIN[c] ?? c)
      .join('')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '');
  const base = [part(givenName), part(familyName)].filter(Boolean).join('.');
  return (base || 'user').slice(0, 56);
}
