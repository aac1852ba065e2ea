import { describe, expect, it } from "vitest";
import { pageItems } from "./page-items.ts";

const items = ["a", "b", "c", "d", "e"].map((id) => ({ id, type: "message" }));
const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);

describe("pageItems", () => {
  it("pages newest first by default, then after a cursor", () => {
    const first = pageItems(items, { limit: 2, order: "desc" });
    expect(ids(first)).toEqual(["e", "d"]);
    expect(first).toMatchObject({ object: "list", first_id: "e", last_id: "d", has_more: true });
    const next = pageItems(items, { after: "d", limit: 10, order: "desc" });
    expect(ids(next)).toEqual(["c", "b", "a"]);
    expect(next.has_more).toBe(false);
  });

  it("reads before a cursor in ascending order", () => {
    expect(ids(pageItems(items, { before: "d", limit: 2, order: "asc" }))).toEqual(["b", "c"]);
  });

  it("answers 404 naming the cursor that names no item", () => {
    expect(() => pageItems(items, { after: "zz", limit: 2, order: "asc" })).toThrow(
      /Input item 'zz' not found/,
    );
  });
});
