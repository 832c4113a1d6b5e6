import { DomainError, ErrorDetail } from '@app/platform/errors';

export enum MessageErrorCode {
  NOT_IN_INSTITUTION = 'NOT_IN_INSTITUTION',
  RECIPIENT_NOT_ALLOWED = 'RECIPIENT_NOT_ALLOWED',
  GROUP_NOT_FOUND = 'GROUP_NOT_FOUND',
  NO_RECIPIENTS = 'NO_RECIPIENTS',
  TOO_MANY_RECIPIENTS = 'TOO_MANY_RECIPIENTS',
  EMPTY_MESSAGE = 'EMPTY_MESSAGE',
  MESSAGE_REJECTED = 'MESSAGE_REJECTED',
  MESSAGE_NOT_FOUND = 'MESSAGE_NOT_FOUND',
  ACK_NOT_REQUESTED = 'ACK_NOT_REQUESTED',
  ACK_OPTIONS_WITHOUT_ACK = 'ACK_OPTIONS_WITHOUT_ACK',
  ACK_DEADLINE_PASSED = 'ACK_DEADLINE_PASSED',
  RECEIPTS_NOT_ALLOWED = 'RECEIPTS_NOT_ALLOWED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  TOO_MANY_MESSAGES = 'TOO_MANY_MESSAGES',
  NOT_MODERATOR = 'NOT_MODERATOR',
  OWN_MESSAGE = 'OWN_MESSAGE',
  ALREADY_MODERATED = 'ALREADY_MODERATED',
  REPLY_INSTITUTION_MISMATCH = 'REPLY_INSTITUTION_MISMATCH',
}

/** The post's domain errors; transports map `kind` to a status (HTTP) or an error acknowledgement (socket). */
export const messageError = {
  notInInstitution: () =>
    new DomainError('forbidden', MessageErrorCode.NOT_IN_INSTITUTION, 'You have no role in this institution'),
  recipientNotAllowed: (details: ErrorDetail[]) =>
    new DomainError('forbidden', MessageErrorCode.RECIPIENT_NOT_ALLOWED, 'You may not message some of these recipients', details),
  groupNotFound: (groupId: string) =>
    new DomainError('not_found', MessageErrorCode.GROUP_NOT_FOUND, 'Group not found in this institution', [{ groupId }]),
  noRecipients: () =>
    new DomainError('unprocessable', MessageErrorCode.NO_RECIPIENTS, 'The audience has nobody in it (besides you)'),
  tooManyRecipients: (count: number, max: number) =>
    new DomainError('unprocessable', MessageErrorCode.TOO_MANY_RECIPIENTS, `The audience has ${count} people; the limit is ${max}`, [
      { count, max },
    ]),
  emptyMessage: () =>
    new DomainError('unprocessable', MessageErrorCode.EMPTY_MESSAGE, 'The message has no text left after removing unsafe markup', [
      { field: 'body', issue: 'empty' },
    ]),
  rejected: (details: ErrorDetail[]) =>
    new DomainError(
      'unprocessable',
      MessageErrorCode.MESSAGE_REJECTED,
      'The message contains language that is not allowed; change the marked words and send again',
      details,
    ),
  notFound: () => new DomainError('not_found', MessageErrorCode.MESSAGE_NOT_FOUND, 'Message not found'),
  ackNotRequested: () =>
    new DomainError('conflict', MessageErrorCode.ACK_NOT_REQUESTED, 'This message does not ask for an acknowledgement'),
  ackOptionsWithoutAck: () =>
    new DomainError('invalid', MessageErrorCode.ACK_OPTIONS_WITHOUT_ACK, 'ackDeadline and ackScope need requiresAck: true', [
      { field: 'requiresAck', issue: 'required' },
    ]),
  ackDeadlinePassed: () =>
    new DomainError('invalid', MessageErrorCode.ACK_DEADLINE_PASSED, 'ackDeadline must be in the future', [
      { field: 'ackDeadline', issue: 'past' },
    ]),
  receiptsNotAllowed: () =>
    new DomainError('forbidden', MessageErrorCode.RECEIPTS_NOT_ALLOWED, 'Only the sender and the institution management see receipts'),
  idempotencyKeyReused: () =>
    new DomainError(
      'unprocessable',
      MessageErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This Idempotency-Key was already used for a different message',
    ),
  tooManyMessages: (retryAfterSeconds: number) =>
    new DomainError(
      'too_many',
      MessageErrorCode.TOO_MANY_MESSAGES,
      `Too many messages; try again in ${retryAfterSeconds} s`,
      [{ retryAfterSeconds }],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  notModerator: () =>
    new DomainError('forbidden', MessageErrorCode.NOT_MODERATOR, 'Only the deputy head, head or admin of the institution moderate'),
  ownMessage: () =>
    new DomainError('forbidden', MessageErrorCode.OWN_MESSAGE, 'Another moderator must decide on your own message'),
  alreadyModerated: (status: string) =>
    new DomainError('conflict', MessageErrorCode.ALREADY_MODERATED, `The message is no longer held (it is ${status})`),
  replyInstitutionMismatch: () =>
    new DomainError('invalid', MessageErrorCode.REPLY_INSTITUTION_MISMATCH, 'A reply belongs to the institution of the message it answers', [
      { field: 'institutionId', issue: 'mismatch' },
    ]),
};
