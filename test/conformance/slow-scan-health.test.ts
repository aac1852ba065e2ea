import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Issue 10, class 8: a large hostile scan must not stall the server. The code scanner runs large
// inputs in a worker thread, so /v1/health keeps answering while it works, and the scan itself
// ends in a verdict.
const HEALTH_BOUND_MS = 500;

let ts: TestStack;

beforeAll(async () => {
  ts = await startTestStack({
    distro_name: "test",
    apis: ["safety"],
    providers: {
      safety: [{ provider_id: "code-scanner", provider_type: "inline::code-scanner", config: {} }],
    },
    registered_resources: { shields: [{ shield_id: "code-scanner", provider_id: "code-scanner" }] },
  });
});
afterAll(async () => {
  await ts?.close();
});

/** Polls /v1/health until `until` settles; returns each answer's latency and when it arrived. */
async function pollHealth(
  until: Promise<unknown>,
): Promise<Array<{ ms: number; at: number; status: number }>> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const answers: Array<{ ms: number; at: number; status: number }> = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${ts.url}/v1/health`);
    await response.text();
    answers.push({ ms: performance.now() - started, at: performance.now(), status: response.status });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return answers;
}

describe("a large hostile scan", () => {
  it.each([
    [
      "/v1/safety/run-shield",
      (content: string) => ({ shield_id: "code-scanner", messages: [{ role: "user", content }] }),
    ],
    ["/v1/moderations", (content: string) => ({ model: "code-scanner", input: content })],
  ])("on %s answers with a verdict while /v1/health stays responsive", async (path, body) => {
    // 1 MB of unclosed `eval(` calls in a fence (100 KB took 12 s when the scan was quadratic and
    // inline). Linear, it takes a few hundred ms; inline, /v1/health could answer at most once in them.
    const content = `\`\`\`javascript\n${"eval(".repeat(200_000)}\n\`\`\``;
    const scan = fetch(`${ts.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body(content)),
    }).then(async (response) => ({
      status: response.status,
      body: await response.json(),
      at: performance.now(),
    }));
    const health = await pollHealth(scan);
    const result = await scan;

    expect(result.status).toBe(200);
    const verdict = JSON.stringify(result.body);
    expect(verdict).toContain("javascript.eval");
    expect(health.every((answer) => answer.status === 200)).toBe(true);
    // Health kept answering while the scan ran (inline, its single answer waited for the scan), each
    // answer within the bound.
    expect(health.filter((answer) => answer.at < result.at).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...health.map((answer) => answer.ms))).toBeLessThan(HEALTH_BOUND_MS);
  });
});
