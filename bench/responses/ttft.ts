import { postJson } from "../lib/post-json.ts";
import { measureInRounds } from "../lib/sample-in-rounds.ts";
import { median, percentile, printTable } from "../lib/stats.ts";
import { streamChat } from "../lib/stream-chat.ts";
import { streamResponse } from "../lib/stream-response.ts";
import { type BenchStack, load, type SummaryRow } from "./bench-stack.ts";

// 2. TTFT: a streamed response against a streamed chat completion of the same prompt, both over
// HTTP with the same minimal client, in alternating rounds. Both prompts' tokens are checked equal.
export async function ttft(bench: BenchStack, callsPerPath: number, summary: SummaryRow[]) {
  const { server, recordLoop } = bench;
  const input = "Who are you?";
  const responseBody = { model: "llama-cpp/greeter", input, temperature: 0 };
  const chatBody = {
    model: "llama-cpp/greeter",
    messages: [{ role: "user", content: input }],
    temperature: 0,
  };
  const viaResponse = await recordLoop(() => streamResponse(server.url, responseBody));
  const viaChat = await postJson<{ usage: { prompt_tokens: number } }>(`${server.url}/v1/chat/completions`, {
    ...chatBody,
    store: false,
  });
  const responseTokens = viaResponse.usage[0]!.prompt;
  const chatTokens = viaChat.usage.prompt_tokens;
  if (responseTokens !== chatTokens)
    console.log(`warning: the response's prompt has ${responseTokens} tokens, the chat's ${chatTokens}`);
  const paths: [string, () => Promise<number>][] = [
    ["streamed chat completion", async () => (await streamChat(server.url, chatBody)).ttftMs],
    ["streamed response", async () => (await streamResponse(server.url, responseBody)).ttftMs],
  ];
  const samples = await measureInRounds(paths, { calls: callsPerPath, warmup: 20 });
  const chatP50 = median(samples.get(paths[0]![0])!);
  const responseP50 = median(samples.get(paths[1]![0])!);
  printTable(
    `TTFT (${callsPerPath} per path in alternating rounds, ms; request sent -> first text delta; load average ${load()})`,
    ["path", "prompt tokens", "p50", "p95", "p50 - chat p50", "ratio vs chat"],
    paths.map(([name], i) => {
      const s = samples.get(name)!;
      return [
        name,
        String(i ? responseTokens : chatTokens),
        median(s),
        percentile(s, 95),
        median(s) - chatP50,
        median(s) / chatP50,
      ];
    }),
  );
  const difference = responseP50 - chatP50;
  console.log(`The response's first token comes ${difference.toFixed(2)} ms later at p50 (goal <= 2 ms).`);
  summary.push([
    "TTFT, response - chat completion, p50",
    "<= 2 ms",
    `${difference.toFixed(2)} ms`,
    difference / 2,
  ]);
}
