import type { Logger } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { lazyInstance } from "./lazy-instance.ts";

const logged: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (msg) => void logged.push(msg),
  child: () => logger,
};

describe("lazyInstance", () => {
  it("loads once on first use and shares the load between callers", async () => {
    let loads = 0;
    const lazy = lazyInstance(async () => ({ id: ++loads, shutdown: async () => {} }), {
      logger,
      name: "thing",
    });
    expect(lazy.started).toBe(false);
    const [a, b] = await Promise.all([lazy.get(), lazy.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(lazy.started).toBe(true);
  });

  it("warms up in the background and shuts the loaded instance down", async () => {
    let shutDown = false;
    const lazy = lazyInstance(
      async () => ({
        shutdown: async () => {
          shutDown = true;
        },
      }),
      {
        logger,
        name: "engine",
        warmUpAfterMs: 1,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lazy.started).toBe(true);
    await lazy.shutdown();
    expect(shutDown).toBe(true);
  });

  it("never loads when shut down before the warm-up, and logs a failed warm-up", async () => {
    let loads = 0;
    const never = lazyInstance(async () => ({ n: ++loads, shutdown: async () => {} }), {
      logger,
      name: "never",
      warmUpAfterMs: 5,
    });
    await never.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).toBe(0);
    const failing = lazyInstance(() => Promise.reject(new Error("no engine")), {
      logger,
      name: "broken",
      warmUpAfterMs: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged).toContain("broken failed to load");
    await expect(failing.get()).rejects.toThrow("no engine");
  });
});
