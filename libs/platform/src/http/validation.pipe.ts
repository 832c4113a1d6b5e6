import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorDetail } from '../errors/domain-error';

/** Flattens nested class-validator errors into `{ field: 'to.groups.0.groupId', issue }`. */
export function validationDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, issue: message });
    if (e.children?.length) out.push(...validationDetails(e.children, field));
  }
  return out;
}

/** Unknown fields are refused rather than dropped: a typo in a field name should not pass silently. */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new DomainError('invalid', 'VALIDATION_FAILED', 'The request is not valid', validationDetails(errors)),
  });
