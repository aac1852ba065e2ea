import { describe, expect, it } from "vitest";
import { StopMatcher } from "./stop-matcher.ts";

describe("StopMatcher", () => {
  it("holds back a possible stop prefix and cuts at the stop string", () => {
    const m = new StopMatcher(["END", "\n\n"]);
    expect(m.push("hello E")).toBe("hello ");
    expect(m.push("N")).toBe("");
    expect(m.push("X world")).toBe("ENX world");
    expect(m.push(" and\n")).toBe(" and");
    expect(m.push("\nmore")).toBe("");
    expect(m.stopped).toBe(true);
    expect(m.push("ignored")).toBe("");
  });

  it("releases held text at the end", () => {
    const m = new StopMatcher(["STOP"]);
    expect(m.push("ab ST")).toBe("ab ");
    expect(m.flush()).toBe("ST");
  });
});
