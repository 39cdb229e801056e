export const PERSON_ROLES = ['carer', 'volunteer', 'staff', 'admin', 'provider'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** Runs the platform for every municipality and belongs to none; sees no person's data. */
export const OPERATOR_ROLE = 'operator';
/** Roles of accounts that sign in. */
export type AccountRole = PersonRole | typeof OPERATOR_ROLE;
export type Role = AccountRole | 'partner';

/**
 * The municipality of an actor that belongs to none (an operator): a valid id that no row has,
 * so anything that reads it by mistake finds nothing rather than everything.
 */
export const NO_MUNICIPALITY = '00000000-0000-0000-0000-000000000000';

/** Staff work also falls to admins. */
export const STAFF_ROLES: Role[] = ['staff', 'admin'];

/** What a partner's key may redeem: only a campaign's vouchers, only some kinds; null is no limit. */
export interface PartnerKeyScope {
  campaignId: string | null;
  voucherKinds: string[] | null;
  /** Merchants redeem vouchers; referrers refer carers. Neither does the other's work. */
  partnerKind: 'merchant' | 'referrer';
}

/** Who is acting, and for which municipality. Set once per request by the auth guard. */
export interface Actor {
  id: string;
  role: Role;
  municipalityId: string;
  /** Partners only: the limits of the key they used. */
  keyScope?: PartnerKeyScope;
}
