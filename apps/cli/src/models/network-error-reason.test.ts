import { describe, expect, it } from "vitest";
import { networkErrorReason } from "./network-error-reason.ts";

describe("networkErrorReason", () => {
  it("finds the system error under fetch's generic one", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(networkErrorReason(new TypeError("fetch failed", { cause: refused }))).toBe(
      "connection refused, ECONNREFUSED",
    );
  });

  it("falls back to the innermost message", () => {
    expect(networkErrorReason(new TypeError("fetch failed", { cause: new Error("bad port") }))).toBe(
      "bad port",
    );
    expect(networkErrorReason(new DOMException("timed out", "TimeoutError"))).toBe("no answer in time");
  });
});
