/** The platform's roles, as the backend names them in /api/v1/me. */
export const ROLES = ['citizen', 'business', 'clerk', 'dept-admin', 'admin'] as const
export type Role = (typeof ROLES)[number]

