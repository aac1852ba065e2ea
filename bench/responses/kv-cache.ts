import { postJson } from "../lib/post-json.ts";
import { printTable } from "../lib/stats.ts";
import {
  type BenchStack,
  format,
  LONG_LOOP,
  load,
  type Response,
  type StepUsage,
  type SummaryRow,
  toolLoop,
} from "./bench-stack.ts";

// 3. KV-cache reuse, read from each step's usage (`prompt_tokens_details.cached_tokens`, the
// prompt tokens the provider kept from the sequence's cache). Evaluated = prompt - cached; new =
// what this step's prompt adds to the previous step's prompt and answer (tool result, formatting).
// The first step is the response's first sight of its input, so the goal is over later steps.
function cacheTable(title: string, usage: StepUsage[], label: string) {
  let evaluatedLater = 0;
  let newLater = 0;
  const rows = usage.map((step, i) => {
    const evaluated = step.prompt - step.cached;
    const previous = usage[i - 1];
    const added = previous ? step.prompt - previous.prompt - previous.completion : step.prompt;
    if (i > 0) {
      evaluatedLater += evaluated;
      newLater += added;
    }
    return [i + 1, step.prompt, step.cached, evaluated, added]
      .map(String)
      .concat(`${format(evaluated / added)}x`);
  });
  printTable(
    `${title} (load average ${load()})`,
    [label, "prompt tokens", "cached", "evaluated", "new", "evaluated / new"],
    rows,
  );
  const ratio = evaluatedLater / newLater;
  console.log(
    `${label}s 2-${usage.length}: ${evaluatedLater} tokens evaluated for ${newLater} new: ${ratio.toFixed(2)}x (goal <= 1.1x).`,
  );
  return ratio;
}

export async function kvCache(bench: BenchStack, summary: SummaryRow[]) {
  const { responsesUrl, recordLoop } = bench;
  const nonce = Date.now().toString(36); // a prompt no earlier request had
  const loop = await recordLoop(() =>
    postJson(responsesUrl, toolLoop(LONG_LOOP, `Tell me about llamas (${nonce}).`)),
  );
  const loopRatio = cacheTable(`KV cache, a ${LONG_LOOP}-step tool loop (one response)`, loop.usage, "step");
  summary.push([
    `prefill / new tokens, ${LONG_LOOP}-step tool loop`,
    "<= 1.1x",
    `${format(loopRatio)}x`,
    loopRatio / 1.1,
  ]);

  const turns = await recordLoop(async () => {
    let previous: string | undefined;
    for (let turn = 1; turn <= LONG_LOOP; turn++) {
      const response: Response = await postJson<Response>(responsesUrl, {
        model: "llama-cpp/greeter",
        input: `Turn ${turn} (${nonce}): tell me more.`,
        temperature: 0,
        ...(previous ? { previous_response_id: previous } : {}),
      });
      previous = response.id;
    }
  });
  const turnRatio = cacheTable(
    `KV cache, a ${LONG_LOOP}-turn conversation (previous_response_id)`,
    turns.usage,
    "turn",
  );
  summary.push([
    `prefill / new tokens, ${LONG_LOOP}-turn conversation`,
    "<= 1.1x",
    `${format(turnRatio)}x`,
    turnRatio / 1.1,
  ]);
}
