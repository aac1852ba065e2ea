import type { AccessContext } from "@llama-stack-ts/api";

export type { AccessContext } from "@llama-stack-ts/api";

export const ANONYMOUS: AccessContext = { principal: null, enforced: false };

export function canSee(owner: string | null, access: AccessContext): boolean {
  return !access.enforced || owner === null || owner === access.principal;
}

/** The owner recorded for something this caller creates. */
export function ownerFor(access: AccessContext): string | null {
  return access.enforced ? access.principal : null;
}
