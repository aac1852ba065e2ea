import { type Column, eq, isNull, or, type SQL } from "drizzle-orm";
import type { AccessContext } from "./access-context.ts";

/**
 * The SQL twin of `canSee`: with auth on, a caller sees rows it owns and rows without owner
 * (created while auth was off, hence shared). Undefined (no condition) with auth off.
 */
export function visibleTo(owner: Column, access: AccessContext): SQL | undefined {
  if (!access.enforced) return undefined;
  return or(isNull(owner), eq(owner, access.principal ?? ""));
}
