/**
 * Who is asking. With auth off every caller is anonymous and sees everything; with auth on a
 * principal sees shared resources (owner null: config, discovery) and its own.
 */
export interface AccessContext {
  principal: string | null;
  enforced: boolean;
}

export const ANONYMOUS: AccessContext = { principal: null, enforced: false };

export function canSee(owner: string | null, access: AccessContext): boolean {
  return !access.enforced || owner === null || owner === access.principal;
}

/** The owner recorded for something this caller creates. */
export function ownerFor(access: AccessContext): string | null {
  return access.enforced ? access.principal : null;
}
