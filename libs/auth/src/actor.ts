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

export function rolesIn(actor: Actor, institutionId: string): Role[] {
  return actor.roles.filter((r) => r.institutionId === institutionId).map((r) => r.role);
}

export function hasRole(actor: Actor, institutionId: string, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => r.institutionId === institutionId && roles.includes(r.role));
}

export function institutionsWhere(actor: Actor, roles: readonly Role[]): string[] {
  return [...new Set(actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.institutionId))];
}
