import { describe, expect, it } from "vitest";
import { parseSampleArgs, SampleUsageError } from "./parse-sample-args.ts";

describe("parseSampleArgs", () => {
  it("skips the `--` pnpm passes on and resolves paths where the user ran pnpm", () => {
    const args = parseSampleArgs(["--", "./docs", "/abs/notes.md", "--query", "how do llamas hum?"], {
      INIT_CWD: "/home/you/project",
    });
    expect(args.paths).toEqual(["/home/you/project/docs", "/abs/notes.md"]);
    expect(args.query).toBe("how do llamas hum?");
    expect(args.url).toBe("http://localhost:8321");
  });

  it("takes its defaults from the environment", () => {
    const args = parseSampleArgs(["docs"], {
      INIT_CWD: "/w",
      LLAMA_STACK_URL: "http://127.0.0.1:9000",
      LLAMA_STACK_API_KEY: "k",
    });
    expect(args).toMatchObject({
      paths: ["/w/docs"],
      url: "http://127.0.0.1:9000",
      apiKey: "k",
      store: "rag-sample",
    });
  });

  it("reports mistakes as usage errors", () => {
    expect(() => parseSampleArgs(["--", "--query", "q"], {})).toThrow(SampleUsageError);
    expect(() => parseSampleArgs(["docs", "--querry", "q"], {})).toThrow(/Unknown option '--querry'/);
    expect(() => parseSampleArgs(["docs", "--query"], {})).toThrow(/--query/);
  });
});
