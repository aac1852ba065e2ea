import { homedir } from "node:os";
import { describe, expect, it } from "vitest";
import { substituteEnv } from "./env-substitution.ts";

describe("substituteEnv", () => {
  const env = {
    URL: "http://engine:8000/v1",
    EMPTY: "",
    PORT: "9000",
    FLAG: "TRUE",
    RATIO: "0.5",
    DIR: "~/data",
  };

  it("replaces ${env.X} and fails, naming key and variable, when X is unset or empty", () => {
    expect(substituteEnv({ a: "${env.URL}" }, env)).toEqual({ a: "http://engine:8000/v1" });
    expect(() => substituteEnv({ providers: { x: ["${env.MISSING}"] } }, env)).toThrow(
      "providers.x[0]: environment variable MISSING is not set",
    );
    expect(() => substituteEnv({ a: "${env.EMPTY}" }, env)).toThrow("EMPTY is not set");
  });

  it("${env.X:=default} uses the default when X is unset or empty; an empty default is null", () => {
    expect(substituteEnv("${env.URL:=http://x}", env)).toBe("http://engine:8000/v1");
    expect(substituteEnv("${env.NOPE:=http://x}", env)).toBe("http://x");
    expect(substituteEnv("${env.EMPTY:=fallback}", env)).toBe("fallback");
    expect(substituteEnv("${env.NOPE:=}", env)).toBeNull();
  });

  it("${env.X:+value} gives value only when X is set", () => {
    expect(substituteEnv("${env.URL:+remote}", env)).toBe("remote");
    expect(substituteEnv("${env.NOPE:+remote}", env)).toBeNull();
    expect(substituteEnv("${env.EMPTY:+remote}", env)).toBeNull();
  });

  it("coerces substituted values but leaves literal strings alone", () => {
    expect(
      substituteEnv({ p: "${env.PORT}", f: "${env.FLAG}", r: "${env.RATIO}", lit: "8321" }, env),
    ).toEqual({
      p: 9000,
      f: true,
      r: 0.5,
      lit: "8321",
    });
    expect(substituteEnv("prefix-${env.PORT}", env)).toBe("prefix-9000");
  });

  it("expands ~ in substituted values", () => {
    expect(substituteEnv("${env.DIR}", env)).toBe(`${homedir()}/data`);
    expect(substituteEnv("${env.NOPE:=~/x}", env)).toBe(`${homedir()}/x`);
  });

  it("ignores lower-case names, which upstream's pattern does not match", () => {
    expect(substituteEnv("${env.lower}", env)).toBe("${env.lower}");
  });
});
