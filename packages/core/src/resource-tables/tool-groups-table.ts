import { type ToolGroup, ToolGroupSchema } from "@llama-stack-ts/api";
import type { StackDb } from "../storage/database.ts";
import { ResourceTable } from "./resource-table.ts";

export function createToolGroupsTable(db: StackDb) {
  return new ResourceTable<ToolGroup>(
    db,
    "tool_group",
    "Tool group",
    (b) => ToolGroupSchema.parse(b),
    "List tool groups with GET /v1/toolgroups.",
  );
}
