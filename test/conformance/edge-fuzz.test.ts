import { createApp, type RouteSpec } from "@llama-stack-ts/server";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type ArbitraryContext, arbitraryFor, type JsonSchema } from "../helpers/json-schema-arbitrary.ts";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Property-based: requests generated from every route's own zod schemas, then broken the ways an
// attacker would (issue 10's classes), must never get a 5xx, and every refusal carries the JSON
// error envelope. FUZZ_RUNS and FUZZ_SEED widen or replay a run; the default is fixed so CI is
// repeatable.
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

let ts: TestStack;
let specs: readonly RouteSpec[];
const known: Record<string, unknown[]> = {};
const seen = { requests: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  const config = await ragStackConfig({
    extraModels: [{ model_id: "chat", source: await tinyLlamaPath(), chat_format: "llama3_1", parallel: 2 }],
  });
  config.apis = [...(config.apis ?? []), "safety"];
  config.providers!.safety = [
    { provider_id: "code-scanner", provider_type: "inline::code-scanner", config: {} },
  ];
  config.registered_resources = { shields: [{ shield_id: "code-scanner", provider_id: "code-scanner" }] };
  config.apis = [...config.apis, "tool_runtime"];
  config.providers!.tool_runtime = [
    {
      provider_id: "test-tools",
      provider_type: "inline::test-tools",
      module: "./fixtures/providers/test-tool-group.ts",
      config: {},
    },
  ];
  ts = await startTestStack(config);
  specs = createApp(ts.stack).specs;
  for (const spec of specs) byRoute.set(`${spec.method} ${spec.path}`, spec);
  // Ids that exist, so mutated requests get past "not found" into the code behind.
  const store = await post<{ id: string }>("/v1/vector_stores", { name: "fuzz" });
  const form = new FormData();
  form.set("purpose", "assistants");
  form.set("file", new Blob(["llamas hum"], { type: "text/plain" }), "hum.txt");
  const file = (await (await fetch(`${ts.url}/v1/files`, { method: "POST", body: form })).json()) as {
    id: string;
  };
  Object.assign(known, {
    model: ["llama-cpp/chat", "llama-cpp/embed"],
    model_id: ["llama-cpp/chat"],
    vector_store_id: [store.id],
    vector_db_id: [store.id],
    file_id: [file.id],
    file_ids: [[file.id]],
    shield_id: ["code-scanner"],
    tool_name: ["add", "noop", "fails", "floods"],
    toolgroup_id: ["test::calc"],
    tool_group_id: ["test::calc"],
    max_tokens: [4],
    max_completion_tokens: [4],
  });
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

async function post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${ts.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

interface FuzzRequest {
  route: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  mutation: Mutation;
  target: number;
}

const MUTATIONS = [
  "none",
  "nul",
  "surrogate",
  "deep",
  "huge",
  "wrong-type",
  "nul-key",
  "provider-data",
] as const;

/** `X-LlamaStack-Provider-Data` is JSON too, and reaches providers. */
const PROVIDER_DATA = [
  '{"api_key":"k\\u0000"}',
  '{"api_key":"\\udc00"}',
  `{"a":${"[".repeat(200)}${"]".repeat(200)}}`,
  "[1]",
  "{",
];
type Mutation = (typeof MUTATIONS)[number];

function jsonSchemaOf(schema: z.ZodType | undefined): {
  schema: JsonSchema;
  defs: Record<string, JsonSchema>;
} {
  if (!schema) return { schema: { type: "object", properties: {} }, defs: {} };
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return { schema: json, defs: (json.$defs ?? {}) as Record<string, JsonSchema> };
}

function requestFor(spec: RouteSpec): fc.Arbitrary<FuzzRequest> {
  const part = (schema: z.ZodType | undefined) => {
    const { schema: json, defs } = jsonSchemaOf(schema);
    const context: ArbitraryContext = { defs, known };
    return arbitraryFor(json, context);
  };
  return fc.record({
    route: fc.constant(`${spec.method} ${spec.path}`),
    params: part(spec.params) as fc.Arbitrary<Record<string, string>>,
    query: part(spec.query) as fc.Arbitrary<Record<string, unknown>>,
    body: spec.body ? part(spec.body) : fc.constant(undefined),
    mutation: fc.constantFrom(...MUTATIONS),
    target: fc.nat(),
  });
}

/** Every leaf of the request, as a setter; the mutation picks one. */
function leaves(
  root: Record<string, unknown>,
): Array<{ container: Record<string, unknown> | unknown[]; key: string | number }> {
  const out: Array<{ container: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (!isBranch(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const at = Array.isArray(node) ? Number(key) : key;
      if (isBranch(child) && Object.keys(child).length > 0) walk(child);
      else out.push({ container: node, key: at });
    }
  };
  walk(root);
  return out;
}

function isBranch(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

// Written into the JSON text, not built as objects: JSON.stringify of 10,000 levels overflows
// the test's own stack before the server could see it.
const DEEP = "\u{1F9EA}deep:";

function nestedJson(depth: number): string {
  return `${'{"a":['.repeat(depth / 2)}"x"${"]}".repeat(depth / 2)}`;
}

function bodyText(body: unknown): string {
  return JSON.stringify(body).replace(/"\u{1F9EA}deep:(\d+)"/gu, (_, depth: string) =>
    nestedJson(Number(depth)),
  );
}

function mutate(request: FuzzRequest): void {
  const parts: Record<string, unknown> = { params: request.params, query: request.query };
  if (isBranch(request.body)) parts.body = request.body;
  const all = leaves(parts);
  if (request.mutation === "none" || request.mutation === "provider-data" || all.length === 0) return;
  const { container, key } = all[request.target % all.length]!;
  const inPathOrQuery = container === request.params || container === request.query;
  const current = (container as Record<string | number, unknown>)[key];
  const text = typeof current === "string" ? current : "v";
  if (request.mutation === "nul-key") {
    if (!Array.isArray(container) && !inPathOrQuery) {
      delete container[key as string];
      container[`k\u0000${String(key)}`] = current;
    }
    return;
  }
  (container as Record<string | number, unknown>)[key] = mutated(request, text, inPathOrQuery);
}

function mutated(request: FuzzRequest, text: string, inPathOrQuery: boolean): unknown {
  switch (request.mutation) {
    case "nul":
      return `${text.slice(0, 1)}\u0000${text.slice(1)}`;
    case "surrogate":
      return `${text}\ud800`;
    case "deep":
      return inPathOrQuery ? text : `${DEEP}${[100, 1_000, 10_000][request.target % 3]}`;
    case "huge":
      return "h".repeat(inPathOrQuery ? 20_000 : 300_000);
    default:
      return inPathOrQuery ? "-1e309" : [1e308, -1, "", [], {}, null, true][request.target % 7];
  }
}

/** Percent-encoding that keeps an unpaired surrogate (as its WTF-8 bytes) instead of throwing. */
function encode(value: string): string {
  return [...value]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join("");
      }
      return encodeURIComponent(ch);
    })
    .join("");
}

function urlFor(spec: RouteSpec, request: FuzzRequest): string {
  const path = spec.path.replace(/\{(\w+)(:path)?\}/g, (_, name: string) =>
    encode(String(request.params[name] ?? "x")),
  );
  const query = Object.entries(request.query ?? {})
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (v) => `${encode(key)}=${encode(typeof v === "string" ? v : JSON.stringify(v))}`,
      ),
    )
    .join("&");
  return `${ts.url}${path}${query ? `?${query}` : ""}`;
}

const byRoute = new Map<string, RouteSpec>();

async function send(generated: FuzzRequest): Promise<void> {
  // Mutated on a copy: fast-check keeps (and prints) the generated value, not a 10,000-deep one.
  const request = {
    ...generated,
    ...structuredClone({ params: generated.params, query: generated.query, body: generated.body }),
  };
  mutate(request);
  const spec = byRoute.get(request.route)!;
  const hasBody = spec.method !== "GET" && request.body !== undefined;
  const response = await fetch(urlFor(spec, request), {
    method: spec.method,
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...(request.mutation === "provider-data"
        ? { "x-llamastack-provider-data": PROVIDER_DATA[request.target % PROVIDER_DATA.length]! }
        : {}),
    },
    ...(hasBody ? { body: bodyText(request.body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  seen.requests++;
  seen.byStatus.set(response.status, (seen.byStatus.get(response.status) ?? 0) + 1);
  const what = `${request.route} (${request.mutation}) → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get("content-type"), what).toMatch(/^application\/json/);
    const body = JSON.parse(text);
    expect(typeof body.error?.message, what).toBe("string");
    expect(typeof body.error?.type, what).toBe("string");
  } else if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    expect(text, what).not.toContain('"type":"server_error"');
  }
}

describe("hostile input on every route", () => {
  it("never gets a 5xx, every refusal carries the JSON envelope, and the server answers after", async () => {
    expect(specs.length).toBeGreaterThan(30);
    await fc.assert(fc.asyncProperty(fc.oneof(...specs.map(requestFor)), send), {
      numRuns: RUNS,
      seed: SEED,
      endOnFailure: true,
    });
    const health = await fetch(`${ts.url}/v1/health`);
    expect(health.status).toBe(200);
    const reply = await post<{ choices: unknown[] }>("/v1/chat/completions", {
      model: "llama-cpp/chat",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 2,
    });
    expect(reply.choices).toHaveLength(1);
    // The classes reached the server's refusals, not just the schemas.
    expect(seen.requests).toBe(RUNS);
    console.info(
      `edge fuzz: ${seen.requests} requests, statuses ${JSON.stringify(Object.fromEntries(seen.byStatus))}`,
    );
  }, 300_000);
});
