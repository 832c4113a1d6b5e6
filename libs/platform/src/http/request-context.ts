import type { Request } from 'express';

/** Who is asking, from where; attached to the request by the auth guard. */
export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent?: string;
}

export function requestMeta(req: Request & { id?: unknown }): RequestMeta {
  return {
    requestId: String(req.id ?? ''),
    ip: req.ip ?? req.socket.remoteAddress ?? '',
    userAgent: req.get('user-agent')?.slice(0, 300),
  };
}
