import { type Shield, ShieldSchema } from "@llama-stack-ts/api";
import type { StackDb } from "../storage/database.ts";
import { ResourceTable } from "./resource-table.ts";

export function createShieldsTable(db: StackDb) {
  return new ResourceTable<Shield>(
    db,
    "shield",
    "Shield",
    (b) => ShieldSchema.parse(b),
    "List shields with GET /v1/shields.",
  );
}
