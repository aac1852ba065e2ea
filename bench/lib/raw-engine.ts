import { formatLlamaChat } from "@llama-stack-ts/inference";
import { type Llama, type LlamaModel, LlamaText, SpecialTokensText, type Token } from "node-llama-cpp";

export const promptFor = (tag: string) => [
  { role: "user" as const, content: `Write a long story about a llama who learns to code (${tag}).` },
];
export const PROMPT = promptFor("shared");

/** The exact tokens our server feeds the engine for a prompt, so both paths do the same work. */
export function chatTokens(model: LlamaModel, tag: string): Token[] {
  const segments = formatLlamaChat({ family: "llama3_1", messages: promptFor(tag), now: new Date() });
  const text = LlamaText(segments.map((s) => (typeof s === "string" ? s : new SpecialTokensText(s.special))));
  return [model.tokens.bos!, ...text.tokenize(model.tokenizer)];
}

export interface RawRun {
  ttftMs: number;
  decodeTokPerSec: number;
  tokens: number;
}

/** node-llama-cpp with nothing of ours: one sequence, greedy, `maxTokens` tokens. */
export async function rawDecode(
  llama: Llama,
  model: LlamaModel,
  threads: number,
  maxTokens: number,
  timeLimitMs = 60_000,
  tag = "sweep",
): Promise<RawRun> {
  const context = await model.createContext({ contextSize: 4096, sequences: 1, threads });
  try {
    const sequence = context.getSequence();
    const started = performance.now();
    let first = Number.NaN;
    let last = started;
    let tokens = 0;
    for await (const _token of sequence.evaluate(chatTokens(model, tag), { temperature: 0 })) {
      last = performance.now();
      if (tokens === 0) first = last;
      tokens++;
      if (tokens >= maxTokens || last - started > timeLimitMs) break;
    }
    return { ttftMs: first - started, decodeTokPerSec: ((tokens - 1) * 1000) / (last - first), tokens };
  } finally {
    await context.dispose();
    void llama;
  }
}

/** Prompt processing rate: `n` tokens evaluated, one generated. */
export async function rawPrefill(model: LlamaModel, threads: number, n: number): Promise<number> {
  const context = await model.createContext({ contextSize: n + 256, sequences: 1, threads, batchSize: 512 });
  try {
    const sequence = context.getSequence();
    const tokens = Array.from({ length: n }, (_, i) => (1000 + ((i * 7919) % 60000)) as Token);
    const started = performance.now();
    for await (const _t of sequence.evaluate(tokens, { temperature: 0 })) break;
    return (n * 1000) / (performance.now() - started);
  } finally {
    await context.dispose();
  }
}

/**
 * Time to first token with the cache state our server has: one persistent sequence, warmed with
 * one prompt, then each sample keeps the common prefix and evaluates only the rest (node-llama-cpp's
 * own erase/evaluate calls). Compared with the HTTP TTFT this isolates our per-request overhead;
 * samples can be interleaved with HTTP ones so both see the same machine load.
 */
export async function openRawTtft(model: LlamaModel, threads: number) {
  const context = await model.createContext({ contextSize: 4096, sequences: 1, threads });
  const sequence = context.getSequence();
  const sample = async (tag: string): Promise<number> => {
    const tokens = chatTokens(model, tag);
    const cached = sequence.contextTokens;
    let common = 0;
    while (common < Math.min(cached.length, tokens.length - 1) && cached[common] === tokens[common]) common++;
    const started = performance.now();
    await sequence.eraseContextTokenRanges([{ start: common, end: sequence.nextTokenIndex }]);
    for await (const _t of sequence.evaluate(tokens.slice(common), { temperature: 0 })) break;
    return performance.now() - started;
  };
  await sample("warm");
  return { sample, close: () => context.dispose() };
}
