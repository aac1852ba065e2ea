import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModelsDir, stackHome } from "./stack-home.ts";

describe("stackHome / defaultModelsDir", () => {
  it("follow LLAMA_STACK_TS_HOME, else ~/.llama-stack-ts", () => {
    expect(stackHome({})).toBe(join(homedir(), ".llama-stack-ts"));
    expect(defaultModelsDir({ LLAMA_STACK_TS_HOME: "/srv/stack" })).toBe("/srv/stack/models");
    expect(defaultModelsDir({ LLAMA_STACK_TS_HOME: "" })).toBe(join(homedir(), ".llama-stack-ts", "models"));
  });
});
