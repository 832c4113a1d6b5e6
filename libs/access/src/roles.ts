import type { Role } from '@app/directory/entities/role-assignment.entity';

/**
 * The role groups every permission is written in. Defined once: services and transports never list
 * roles themselves, they ask the access policy (access.policy.ts).
 */
export const MANAGEMENT_ROLES: readonly Role[] = ['head', 'deputy_head', 'admin'];
/** Staff who teach or care for the groups they are assigned to. */
export const TEACHING_ROLES: readonly Role[] = ['teacher', 'speech_therapist'];
/** Roles that see every student of their institution (registration, attendance). */
export const INSTITUTION_WIDE_ROLES: readonly Role[] = [...MANAGEMENT_ROLES, 'nurse'];
export const STAFF_ROLES: readonly Role[] = [...MANAGEMENT_ROLES, ...TEACHING_ROLES, 'nurse', 'kitchen'];
/** Staff roles a group assignment may name (the kitchen is never assigned to a group). */
export const ASSIGNABLE_STAFF_ROLES: readonly Role[] = [...TEACHING_ROLES, ...MANAGEMENT_ROLES, 'nurse'];
