import type { Role } from '@app/directory/entities/role-assignment.entity';

/** The authenticated caller, as every service sees it: plain data, the same for HTTP and sockets. */
export interface Actor {
  userId: string;
  /** How others see the caller ("given family"), e.g. as the sender of a message. */
  displayName: string;
  sessionId: string;
  roles: ReadonlyArray<{ institutionId: string; role: Role }>;
  mustChangePassword: boolean;
  ip?: string;
  requestId?: string;
}
