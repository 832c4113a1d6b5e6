import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorDetail, ErrorKind } from '../errors/domain-error';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
};

/** Codes for errors raised by the framework or body parser rather than our services. */
const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[]; requestId?: string };
}

/** Every 4xx/5xx leaves through here in one shape; 500s say only a request id, never a stack. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const { status, body, headers } = toErrorResponse(exception, String(req.id ?? ''));
    if (status >= 500) this.logger.error({ err: exception, requestId: req.id }, 'unhandled error');
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(status).json(body);
  }
}

export function toErrorResponse(
  exception: unknown,
  requestId: string,
): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (exception instanceof DomainError) {
    return {
      status: STATUS[exception.kind],
      body: { error: { code: exception.code, message: exception.message, details: exception.details } },
      headers: exception.headers,
    };
  }
  const parserError = bodyParserError(exception);
  if (parserError) {
    const { status, code, message, headers } = parserError;
    return { status, body: { error: { code, message } }, headers };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500) {
      const res = exception.getResponse();
      const message =
        typeof res === 'object' && res && 'message' in res && typeof res.message === 'string'
          ? res.message
          : exception.message;
      return { status, body: { error: { code: HTTP_CODES[status] ?? `HTTP_${status}`, message } } };
    }
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side', requestId } },
  };
}

interface ParserError {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

const PARSER_ERRORS: Record<string, ParserError> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  'entity.parse.failed': { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
  // We accept bodies only as sent (configure-http.ts: inflate: false); RFC 7694 names what we take.
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_CONTENT_ENCODING',
    message: 'Send the request body without a Content-Encoding',
    headers: { 'Accept-Encoding': 'identity' },
  },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type' },
};

/** body-parser errors carry `type` and `status`; they reach us wrapped or bare depending on the layer. */
function bodyParserError(e: unknown): ParserError | undefined {
  const err = (e instanceof HttpException ? (e.cause ?? e) : e) as { type?: string; status?: number };
  if (!err || typeof err !== 'object' || typeof err.type !== 'string') return undefined;
  const known = PARSER_ERRORS[err.type];
  if (known) return known;
  if (typeof err.status !== 'number' || err.status >= 500) return undefined;
  return { status: err.status, code: HTTP_CODES[err.status] ?? `HTTP_${err.status}`, message: 'The request body could not be read' };
}
