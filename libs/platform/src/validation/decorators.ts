import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { ISO_INSTANT_EXAMPLE, isIsoInstant } from '../time/instant';
import { lineIssue, textIssue } from './text-rules';

/** A class-validator rule whose message names the actual problem found in the value. */
function stringRule(name: string, issue: (value: string) => string | undefined) {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && issue(value) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} ${typeof args?.value === 'string' ? issue(args.value) : 'must be a string'}`,
    },
  });
}

/**
 * One line of free text a person typed (subject, group name, reason): well-formed Unicode, no
 * control or bidirectional formatting characters, at least one visible character.
 */
export const SafeLine = (): PropertyDecorator => stringRule('safeLine', lineIssue);

/**
 * Free text over several lines (message body, note): as {@link SafeLine} but line breaks and tabs
 * are allowed, and of the bidirectional characters only overrides and embeddings are refused.
 */
export const SafeText = (): PropertyDecorator => stringRule('safeText', textIssue);

/** An ISO 8601 instant with an explicit offset, read by the platform's one parser (time/instant.ts). */
export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: isIsoInstant,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be an ISO 8601 instant with an offset, e.g. ${ISO_INSTANT_EXAMPLE}`,
    },
  });

/** Plain decimal digits only: `1e308`, `0x10`, `1.0` and ` 5` are not how anybody writes a page number. */
const DECIMAL = /^\d{1,15}$/;

/**
 * A whole number from a query string, written in plain decimal and within `[min, max]`. Replaces
 * `@Type(() => Number) @IsInt()`, which turns `1e308` into an "integer" and `0x10` into 16.
 */
export const QueryInt = (range: { min: number; max: number }): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value)),
    ValidateBy({
      name: 'queryInt',
      validator: {
        validate: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= range.min && (value as number) <= range.max,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a whole number from ${range.min} to ${range.max}`,
      },
    }),
  );
