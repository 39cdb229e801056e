export const PERSON_ROLES = ['carer', 'volunteer', 'staff', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export type Role = PersonRole | 'partner';

/** Staff work also falls to admins. */
export const STAFF_ROLES: Role[] = ['staff', 'admin'];

/** Who is acting, and for which municipality. Set once per request by the auth guard. */
export interface Actor {
  id: string;
  role: Role;
  municipalityId: string;
}
