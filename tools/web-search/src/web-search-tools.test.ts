import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ProviderContext, TOOL_ERROR, type ToolGroup } from "@llama-stack-ts/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSearchConfig, WebSearchConfigSchema } from "./web-search-config.ts";
import { webSearchTools } from "./web-search-tools.ts";

interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A local HTTP server answering as one vendor would, recording what it was asked. */
async function startStandIn(answer: (request: SeenRequest, response: ServerResponse) => void) {
  const seen: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? "/", "http://stand-in");
    const request = {
      method: req.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    };
    seen.push(request);
    answer(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
};

// Each stand-in answers in the vendor's documented format; a request without the key is refused
// the way the vendor refuses it.
let braveStandIn: Awaited<ReturnType<typeof startStandIn>>;
let tavilyStandIn: Awaited<ReturnType<typeof startStandIn>>;
let bingStandIn: Awaited<ReturnType<typeof startStandIn>>;

beforeAll(async () => {
  braveStandIn = await startStandIn((req, res) => {
    if (req.headers["x-subscription-token"] !== "brave-key") {
      return json(res, 422, {
        type: "ErrorResponse",
        error: {
          code: "SUBSCRIPTION_TOKEN_INVALID",
          detail: "The provided subscription token is invalid.",
          status: 422,
        },
      });
    }
    json(res, 200, {
      type: "search",
      query: { original: req.query.q },
      web: {
        type: "search",
        results: [
          {
            title: "Llama - Wikipedia",
            url: "https://en.wikipedia.org/wiki/Llama",
            description: "The llama is a domesticated South American camelid.",
          },
          { title: "Llamas hum", url: "https://example.org/hum", description: "Why llamas hum." },
          { title: "Third", url: "https://example.org/3", description: "A third result." },
        ],
      },
    });
  });
  tavilyStandIn = await startStandIn((req, res) => {
    if (req.headers.authorization !== "Bearer tvly-key") {
      return json(res, 401, { detail: { error: "Unauthorized: missing or invalid API key." } });
    }
    json(res, 200, {
      query: JSON.parse(req.body).query,
      answer: null,
      results: [
        {
          title: "Alpaca vs llama",
          url: "https://example.org/alpaca",
          content: "Alpacas are smaller.",
          score: 0.9,
        },
      ],
      response_time: 0.4,
    });
  });
  bingStandIn = await startStandIn((req, res) => {
    if (req.query.q === "rate me") {
      return json(res, 429, {
        error: { code: "429", message: "Rate limit is exceeded. Try again in 1 seconds." },
      });
    }
    json(res, 200, {
      _type: "SearchResponse",
      queryContext: { originalQuery: req.query.q },
      webPages: {
        totalEstimatedMatches: 2,
        value: [
          {
            id: "0",
            name: "Llama facts",
            url: "https://example.org/facts",
            snippet: "Llamas live 20 years.",
          },
          { id: "1", name: "More facts", url: "https://example.org/more", snippet: "Llamas are social." },
        ],
      },
    });
  });
});
afterAll(async () => {
  await Promise.all([braveStandIn?.close(), tavilyStandIn?.close(), bingStandIn?.close()]);
});

const group: ToolGroup = { identifier: "builtin::websearch", provider_id: "web-search", type: "tool_group" };

async function provider(config: Record<string, unknown>) {
  const parsed = WebSearchConfigSchema.parse({
    base_urls: {
      brave: `${braveStandIn.origin}/res/v1/web/search`,
      tavily: `${tavilyStandIn.origin}/search`,
      bing: `${bingStandIn.origin}/v7.0/search`,
    },
    ...config,
  });
  const instance = await webSearchTools.create({ config: parsed } as ProviderContext<WebSearchConfig>);
  return {
    instance,
    search: (
      query: string,
      options: { providerData?: Record<string, unknown>; toolGroup?: ToolGroup } = {},
    ) =>
      instance.invokeTool(
        { toolName: "web_search", kwargs: { query }, toolGroup: options.toolGroup ?? group },
        options.providerData ? { providerData: options.providerData } : {},
      ),
  };
}

describe("web search", () => {
  it("offers web_search {query} in builtin::websearch and hides the key", async () => {
    const { instance } = await provider({ vendor: "brave", api_key: "brave-key" });
    expect(webSearchTools.providerType).toBe("remote::web-search");
    expect(webSearchTools.secretKeys).toEqual(["api_key"]);
    expect(instance.defaultToolGroups).toEqual(["builtin::websearch"]);
    const [tool] = await instance.listTools(group, {});
    expect(tool).toMatchObject({
      name: "web_search",
      toolgroup_id: "builtin::websearch",
      input_schema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
    });
  });

  it("asks Brave with the configured key and normalises its results", async () => {
    const { search } = await provider({ vendor: "brave", api_key: "brave-key", max_results: 2 });
    const result = await search("what do llamas eat");
    const request = braveStandIn.seen.at(-1)!;
    expect(request).toMatchObject({
      method: "GET",
      path: "/res/v1/web/search",
      query: { q: "what do llamas eat", count: "2" },
    });
    expect(request.headers).toMatchObject({
      "x-subscription-token": "brave-key",
      accept: "application/json",
    });
    expect(JSON.parse(result.content as string)).toEqual({
      query: "what do llamas eat",
      results: [
        {
          title: "Llama - Wikipedia",
          url: "https://en.wikipedia.org/wiki/Llama",
          snippet: "The llama is a domesticated South American camelid.",
          source: "brave",
        },
        { title: "Llamas hum", url: "https://example.org/hum", snippet: "Why llamas hum.", source: "brave" },
      ],
    });
    expect(result.metadata).toMatchObject({ vendor: "brave" });
  });

  it("picks Tavily from the key in the provider data when no vendor is configured", async () => {
    const { search } = await provider({});
    const result = await search("alpaca or llama", { providerData: { tavily_search_api_key: "tvly-key" } });
    const request = tavilyStandIn.seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/search" });
    expect(request.headers.authorization).toBe("Bearer tvly-key");
    expect(JSON.parse(request.body)).toEqual({ query: "alpaca or llama", max_results: 3 });
    expect(JSON.parse(result.content as string).results).toEqual([
      {
        title: "Alpaca vs llama",
        url: "https://example.org/alpaca",
        snippet: "Alpacas are smaller.",
        source: "tavily",
      },
    ]);
  });

  it("asks Bing with its subscription header and the group's max_results", async () => {
    const { search } = await provider({ vendor: "bing", api_key: "bing-key" });
    const result = await search("llama lifespan", { toolGroup: { ...group, args: { max_results: 1 } } });
    const request = bingStandIn.seen.at(-1)!;
    expect(request).toMatchObject({ path: "/v7.0/search", query: { q: "llama lifespan", count: "1" } });
    expect(request.headers["ocp-apim-subscription-key"]).toBe("bing-key");
    expect(JSON.parse(result.content as string).results).toEqual([
      {
        title: "Llama facts",
        url: "https://example.org/facts",
        snippet: "Llamas live 20 years.",
        source: "bing",
      },
    ]);
  });

  it("turns a vendor's refusal into a tool error with its status and message", async () => {
    const brave = await provider({ vendor: "brave" });
    expect(await brave.search("x", { providerData: { brave_search_api_key: "wrong" } })).toEqual({
      error_code: TOOL_ERROR.failed,
      error_message: "Brave Search answered 422: The provided subscription token is invalid.",
    });
    const tavily = await provider({ vendor: "tavily", api_key: "wrong" });
    expect((await tavily.search("x")).error_message).toBe(
      "Tavily answered 401: Unauthorized: missing or invalid API key.",
    );
    const bing = await provider({ vendor: "bing", api_key: "bing-key" });
    expect((await bing.search("rate me")).error_message).toBe(
      "Bing Search answered 429: Rate limit is exceeded. Try again in 1 seconds.",
    );
  });

  it("a missing key is a tool error naming the config key and the header field", async () => {
    const configured = await provider({ vendor: "brave" });
    const before = braveStandIn.seen.length;
    expect(await configured.search("x")).toEqual({
      error_code: TOOL_ERROR.failed,
      error_message:
        "Web search (brave) has no API key: set 'api_key' in the provider's config or pass 'brave_search_api_key' in the X-LlamaStack-Provider-Data header.",
    });
    expect(braveStandIn.seen.length).toBe(before);
    const unconfigured = await provider({});
    expect((await unconfigured.search("x")).error_message).toBe(
      "Web search has no API key: set 'vendor' and 'api_key' in the provider's config or pass one of 'brave_search_api_key', 'tavily_search_api_key', 'bing_search_api_key' in the X-LlamaStack-Provider-Data header.",
    );
  });

  it("refuses a configured key without a vendor", () => {
    const parsed = WebSearchConfigSchema.safeParse({ api_key: "k" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["vendor"],
      message: "api_key needs vendor (brave, tavily or bing)",
    });
  });

  it("a vendor that cannot be reached is a tool error", async () => {
    const gone = await startStandIn(() => {});
    await gone.close();
    const { search } = await provider({
      vendor: "brave",
      api_key: "k",
      base_urls: { brave: `${gone.origin}/search` },
    });
    const result = await search("x");
    expect(result.error_code).toBe(TOOL_ERROR.failed);
    expect(result.error_message).toMatch(/^Brave Search could not be reached: .*ECONNREFUSED/);
  });
});
