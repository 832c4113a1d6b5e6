/** The HTTP contract of /work/shared/design/API.md as the client uses it: bearer tokens, one refresh on 401. */

export interface Me {
  id: string;
  username: string;
  displayName: string;
  language: string | null;
  roles: { institutionId: string; role: string }[];
  mustChangePassword: boolean;
  children: { id: string; displayName: string; institutionId: string; groupId: string }[];
}

export interface InboxItem {
  id: string;
  subject: string;
  preview: string;
  sender: { id: string; displayName: string };
  sentAt: string;
  readAt: string | null;
  requiresAck: boolean;
  ackedAt: string | null;
  priority: 'normal' | 'urgent';
}

export interface SentItem extends InboxItem {
  recipientCount: number;
  readCount: number;
  ackCount: number;
  status?: string;
}

export interface MessageDetail extends InboxItem {
  bodyText: string;
  institutionId: string;
  replyTo: string | null;
  students: { id: string; displayName: string }[];
  /** Present only for the sender. */
  status?: string;
  recipientCount?: number;
}

export type NotificationChannel = 'inApp' | 'email' | 'sms';
export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
  sms: boolean;
}

export interface NotificationPreferences {
  categories: Record<string, ChannelChoice>;
  quietHours: { from: string; to: string } | null;
  digest: boolean;
  /** Per mandatory category, the channels of which one must stay on. */
  mandatory: Record<string, ('email' | 'sms')[]>;
  /** Per category, channels it never uses. */
  notOffered: Record<string, NotificationChannel[]>;
}

export interface Addressable {
  id: string;
  displayName: string;
  kinds: ('staff' | 'guardian' | 'student')[];
  groupIds: string[];
  children: { id: string; displayName: string }[];
}

export interface Receipts {
  messageId: string;
  requiresAck: boolean;
  total: number;
  read: number;
  acknowledged: number;
  recipients: {
    userId: string;
    displayName: string;
    readAt: string | null;
    ackedAt: string | null;
    students: { id: string; displayName: string; acknowledged: boolean }[];
    deliveries: { channel: 'email' | 'sms'; status: DeliveryStatus; at: string; reason: string | null }[];
  }[];
  pending: { userId: string; displayName: string }[];
}

export interface Mark {
  id: string;
  subject: string;
  date: string;
  scale: string;
  value: string | null;
  kind: string;
  teacher: { displayName: string };
}

export type SendTarget = { groupId: string } | { users: string[] };

export interface Group {
  id: string;
  name: string;
}

export interface Span {
  field?: 'subject' | 'body';
  start: number;
  end: number;
  category: string;
}

export interface InstitutionSummary {
  id: string;
  name: string;
  myRoles: string[];
}

/** A moderation match with the words it covers (`text`), as the review queue sends it. */
export interface HeldMatch extends Span {
  text: string;
}

export interface HeldMessage {
  id: string;
  institutionId: string;
  sender: { id: string; displayName: string };
  subject: string;
  bodyText: string;
  createdAt: string;
  recipientCount: number;
  categories: string[];
  matches: HeldMatch[];
}

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed', 'undelivered', 'suppressed', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_CATEGORIES = ['message', 'urgent', 'ack-reminder', 'absence-confirmation', 'meal-report', 'password', 'journal', 'account'] as const;

export interface Delivery {
  id: string;
  userId: string;
  recipient: { id: string; displayName: string } | null;
  channel: 'email' | 'sms';
  category: string;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryFilter {
  status?: string;
  channel?: string;
  category?: string;
  userId?: string;
  cursor?: string;
}

export interface NewGuardian {
  givenName: string;
  familyName: string;
  phone?: string;
  email?: string;
  language: 'lv' | 'ru' | 'en';
}

/** A new account (`credentials`), or an existing person matched by phone or e-mail and linked here. */
export type RegisteredGuardian =
  | { id: string; username: string; displayName: string; credentials: { delivery: 'sms' } | { delivery: 'shown'; temporaryPassword: string } }
  | { id: string; existing: true; personNotified: boolean };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const TOKENS = 'sp.tokens';

function loadTokens(): Tokens | null {
  try {
    return JSON.parse(localStorage.getItem(TOKENS) ?? 'null') as Tokens | null;
  } catch {
    return null;
  }
}

let tokens = loadTokens();
const tokenListeners = new Set<() => void>();

function setTokens(next: Tokens | null): void {
  tokens = next;
  if (next) localStorage.setItem(TOKENS, JSON.stringify({ accessToken: next.accessToken, refreshToken: next.refreshToken }));
  else localStorage.removeItem(TOKENS);
  for (const l of tokenListeners) l();
}

export const accessToken = (): string | null => tokens?.accessToken ?? null;
export const onTokens = (listener: () => void): (() => void) => (tokenListeners.add(listener), () => tokenListeners.delete(listener));

async function raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (tokens) h.Authorization = `Bearer ${tokens.accessToken}`;
  return fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'HTTP_' + res.status, e.message ?? res.statusText, e.details ?? []);
  }
  return data as T;
}

let refreshing: Promise<boolean> | null = null;

/** One refresh for all requests that failed together; a refused refresh signs the user out. */
function refresh(): Promise<boolean> {
  const current = tokens;
  if (!current) return Promise.resolve(false);
  refreshing ??= fetch('/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) return setTokens(null), false;
      setTokens(await res.json());
      return true;
    })
    .catch(() => false)
    .finally(() => (refreshing = null));
  return refreshing;
}

export async function call<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  let res = await raw(method, path, body, headers);
  if (res.status === 401 && tokens && (await refresh())) res = await raw(method, path, body, headers);
  return parse<T>(res);
}

const query = (params: object) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
  return q ? `?${q}` : '';
};
const id = encodeURIComponent;

export const api = {
  async login(username: string, password: string): Promise<void> {
    const res = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    setTokens(await parse<Tokens>(res));
  },
  async logout(): Promise<void> {
    await call('POST', '/auth/logout').catch(() => undefined);
    setTokens(null);
  },
  signedIn: () => tokens !== null,
  me: () => call<Me>('GET', '/me'),
  changePassword: (currentPassword: string, newPassword: string) => call<void>('POST', '/auth/password', { currentPassword, newPassword }),
  inbox: () => call<{ items: InboxItem[]; nextCursor: string | null }>('GET', '/messages/inbox?limit=50'),
  sent: () => call<{ items: SentItem[]; nextCursor: string | null }>('GET', '/messages/sent'),
  message: (id: string) => call<MessageDetail>('GET', `/messages/${encodeURIComponent(id)}`),
  acknowledge: (id: string) => call<void>('POST', `/messages/${encodeURIComponent(id)}/ack`),
  groups: (institutionId: string) => call<{ items: Group[] }>('GET', `/institutions/${encodeURIComponent(institutionId)}/groups?pageSize=100`),
  send: (input: { institutionId: string; subject: string; body: string; to: SendTarget; requiresAck: boolean }, idempotencyKey: string) =>
    call<{ id: string; status: 'sent' | 'held'; recipientCount: number }>(
      'POST',
      '/messages',
      {
        institutionId: input.institutionId,
        subject: input.subject,
        body: input.body,
        to: 'users' in input.to ? { users: input.to.users } : { groups: [{ groupId: input.to.groupId, audience: 'guardians' }] },
        requiresAck: input.requiresAck,
      },
      { 'Idempotency-Key': idempotencyKey },
    ),
  reply: (id: string, body: string, idempotencyKey: string) =>
    call<{ id: string; status: 'sent' | 'held'; recipientCount: number }>('POST', `/messages/${encodeURIComponent(id)}/replies`, { body }, { 'Idempotency-Key': idempotencyKey }),
  recipients: (institutionId: string) => call<{ items: Addressable[] }>('GET', `/messages/recipients?institutionId=${encodeURIComponent(institutionId)}`),
  receipts: (id: string) => call<Receipts>('GET', `/messages/${encodeURIComponent(id)}/receipts`),
  preferences: () => call<NotificationPreferences>('GET', '/me/notification-preferences'),
  savePreferences: (p: Pick<NotificationPreferences, 'categories' | 'quietHours' | 'digest'>) =>
    call<NotificationPreferences>('PUT', '/me/notification-preferences', { categories: p.categories, quietHours: p.quietHours, digest: p.digest }),
  marks: (studentId: string) => call<{ items: Mark[] }>('GET', `/students/${encodeURIComponent(studentId)}/marks`),
  institutions: () => call<InstitutionSummary[]>('GET', '/institutions'),
  moderationQueue: () => call<{ items: HeldMessage[] }>('GET', '/moderation/queue?limit=100'),
  approve: (messageId: string) => call<{ id: string; status: 'sent' }>('POST', `/moderation/${id(messageId)}/approve`),
  reject: (messageId: string, reason: string) => call<{ id: string; status: 'rejected' }>('POST', `/moderation/${id(messageId)}/reject`, { reason }),
  registerGuardian: (institutionId: string, guardian: NewGuardian) => call<RegisteredGuardian>('POST', `/institutions/${id(institutionId)}/guardians`, guardian),
  deliveries: (institutionId: string, filter: DeliveryFilter) =>
    call<{ items: Delivery[]; nextCursor: string | null }>('GET', `/institutions/${id(institutionId)}/deliveries${query({ limit: '50', ...filter })}`),
  retryDelivery: (deliveryId: string) => call<Delivery>('POST', `/deliveries/${id(deliveryId)}/retry`),
  /** 204 when the queue dashboard would let this person in; 403 NOT_QUEUE_OPERATOR otherwise. */
  mayOpenQueues: () => call<void>('GET', '/admin/queues/session'),
  /** Sets the dashboard's short-lived cookie (its own pages send no bearer token). */
  openQueues: () => call<void>('POST', '/admin/queues/session'),
};
