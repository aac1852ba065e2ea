import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { llamaCppConfig } from "./llama-cpp-config.ts";
import { responsesStackConfig } from "./responses-stack-config.ts";
import { startTestStack } from "./start-test-stack.ts";
import { ALICE, TWO_PRINCIPALS_AUTH } from "./two-principals.ts";

/** What the greeter model always answers. */
export const GREETING = "Hello! I am a tiny test model.";
/**
 * Over one guard window (about 200 characters) of harmless text, then the word the agents'
 * own output shield (`no-zebras`) refuses.
 */
export const ZOO =
  "Alpha bravo charlie delta echo foxtrot golf hotel india juliet karma lima mike november oscar papa quebec rover sierra tango uniform victor whiskey yankee, then one two three four five six seven eight nine ten eleven twelve: a zebra.";

/**
 * The Stack the agents tests run, with two principals: chain models on inline::llama-cpp that
 * always answer the same text or tool call (greeter, weather, coder, zoo), the code interpreter,
 * a keyword shield refusing "password" on input and output, and `no-zebras`, which judges only
 * where an agent names it. Clients act as ALICE.
 */
export async function startAgentsStack() {
  const [greeter, weather, coder, zoo] = await Promise.all([
    chainModelPath(GREETING),
    chainModelPath('[get_weather(city="Paris")]'),
    chainModelPath([{ special: "<|python_tag|>" }, "print(6 * 7)"], { endToken: "eom" }),
    chainModelPath(ZOO),
  ]);
  const base = llamaCppConfig([
    { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 1024 },
    { model_id: "weather", source: weather, chat_format: "llama3_2", context_size: 1024 },
    { model_id: "coder", source: coder, chat_format: "llama3_1", context_size: 2048 },
    { model_id: "zoo", source: zoo, chat_format: "llama3_1", context_size: 1024 },
  ]);
  const config = responsesStackConfig(base, [
    "inference",
    "safety",
    "tool_runtime",
    "conversations",
    "responses",
    "agents",
  ]);
  const ts = await startTestStack({
    ...config,
    providers: {
      ...config.providers,
      safety: [
        ...(config.providers?.safety ?? []),
        {
          provider_id: "zoo-keeper",
          provider_type: "inline::keyword-blocklist",
          module: "../safety/example-shield/src/keyword-blocklist-shield.ts",
          config: { words: ["zebra"] },
        },
      ],
    },
    registered_resources: {
      shields: [
        ...(config.registered_resources?.shields ?? []),
        // Guards no touchpoint of its own: it judges only where an agent names it.
        { shield_id: "no-zebras", provider_id: "zoo-keeper", params: { touchpoints: ["tool_results"] } },
      ],
    },
    server: { auth: TWO_PRINCIPALS_AUTH },
  });
  return {
    ts,
    client: new LlamaStackClient({ baseURL: ts.url, apiKey: ALICE, maxRetries: 0 }),
    openai: new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: ALICE, maxRetries: 0 }),
  };
}
