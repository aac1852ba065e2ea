import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ProviderContext, TOOL_ERROR, type ToolGroup } from "@llama-stack-ts/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WolframAlphaConfig, WolframAlphaConfigSchema } from "./wolfram-alpha-config.ts";
import { wolframAlphaTools } from "./wolfram-alpha-tools.ts";

// A local stand-in for the Full Results API, answering in its documented JSON: an unknown AppID is
// a 200 whose body holds the error, gibberish is `success: false`.
const seen: URL[] = [];
const wolframStandIn = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://stand-in");
  seen.push(url);
  const send = (status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const input = url.searchParams.get("input");
  if (input === "overload") return res.writeHead(503).end("Service temporarily unavailable");
  if (url.searchParams.get("appid") !== "WA-APPID") {
    return send(200, {
      queryresult: { success: false, error: { code: "1", msg: "Invalid appid" }, numpods: 0 },
    });
  }
  if (input === "blorf zzq") {
    return send(200, { queryresult: { success: false, error: false, numpods: 0, datatypes: "" } });
  }
  send(200, {
    queryresult: {
      success: true,
      error: false,
      numpods: 2,
      pods: [
        {
          title: "Input",
          id: "Input",
          position: 100,
          subpods: [{ title: "", plaintext: "integral x^2 dx" }],
        },
        {
          title: "Indefinite integral",
          id: "IndefiniteIntegral",
          primary: true,
          subpods: [
            { title: "", plaintext: "integral x^2 dx = x^3/3 + constant" },
            { title: "", img: {} },
          ],
        },
      ],
    },
  });
});
let origin = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => wolframStandIn.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(wolframStandIn.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => wolframStandIn.close(resolve)));

const group: ToolGroup = {
  identifier: "builtin::wolfram_alpha",
  provider_id: "wolfram-alpha",
  type: "tool_group",
};

async function ask(query: string, config: Record<string, unknown>, providerData?: Record<string, unknown>) {
  const parsed = WolframAlphaConfigSchema.parse({ base_url: `${origin}/v2/query`, ...config });
  const instance = await wolframAlphaTools.create({ config: parsed } as ProviderContext<WolframAlphaConfig>);
  return instance.invokeTool(
    { toolName: "wolfram_alpha", kwargs: { query }, toolGroup: group },
    providerData ? { providerData } : {},
  );
}

describe("wolfram alpha", () => {
  it("offers wolfram_alpha {query} in builtin::wolfram_alpha", async () => {
    const instance = await wolframAlphaTools.create({
      config: WolframAlphaConfigSchema.parse({}),
    } as ProviderContext<WolframAlphaConfig>);
    expect(wolframAlphaTools.providerType).toBe("remote::wolfram-alpha");
    expect(wolframAlphaTools.secretKeys).toEqual(["api_key"]);
    expect(instance.defaultToolGroups).toEqual(["builtin::wolfram_alpha"]);
    expect(await instance.listTools(group, {})).toMatchObject([
      {
        name: "wolfram_alpha",
        toolgroup_id: "builtin::wolfram_alpha",
        input_schema: { required: ["query"] },
      },
    ]);
  });

  it("asks with the configured AppID and answers the pods as text", async () => {
    const result = await ask("integrate x^2", { api_key: "WA-APPID" });
    const request = seen.at(-1)!;
    expect(request.pathname).toBe("/v2/query");
    expect(Object.fromEntries(request.searchParams)).toEqual({
      input: "integrate x^2",
      appid: "WA-APPID",
      format: "plaintext",
      output: "json",
    });
    expect(result).toEqual({
      content: "Input: integral x^2 dx\nIndefinite integral: integral x^2 dx = x^3/3 + constant",
      metadata: {
        pods: [
          { title: "Input", texts: ["integral x^2 dx"] },
          { title: "Indefinite integral", texts: ["integral x^2 dx = x^3/3 + constant"] },
        ],
      },
    });
  });

  it("takes the AppID from the provider data when the config has none", async () => {
    const result = await ask("integrate x^2", {}, { wolfram_alpha_api_key: "WA-APPID" });
    expect(seen.at(-1)!.searchParams.get("appid")).toBe("WA-APPID");
    expect(result.content).toContain("x^3/3");
  });

  it("reports errors the model can read: no key, a bad key, gibberish, a failing service", async () => {
    const before = seen.length;
    expect(await ask("2+2", {})).toEqual({
      error_code: TOOL_ERROR.failed,
      error_message:
        "Wolfram|Alpha has no API key: set 'api_key' in the provider's config or pass 'wolfram_alpha_api_key' in the X-LlamaStack-Provider-Data header.",
    });
    expect(seen.length).toBe(before);
    expect((await ask("2+2", { api_key: "nope" })).error_message).toBe(
      "Wolfram|Alpha answered error 1: Invalid appid",
    );
    expect((await ask("blorf zzq", { api_key: "WA-APPID" })).error_message).toBe(
      "Wolfram|Alpha did not understand the query 'blorf zzq'; try rephrasing it.",
    );
    expect((await ask("overload", { api_key: "WA-APPID" })).error_message).toBe(
      "Wolfram|Alpha answered 503: Service temporarily unavailable",
    );
  });
});
