import type { ChatCompletion } from "@llama-stack-ts/api";

type ChoiceLogprobs = ChatCompletion["choices"][number]["logprobs"];

/** A chat choice's token logprobs as an `output_text` part carries them (`include` asked for them). */
export function outputLogprobs(logprobs: ChoiceLogprobs): unknown[] {
  return (logprobs?.content ?? []).map((token) => ({
    token: token.token,
    logprob: token.logprob,
    bytes: token.bytes ?? [],
    top_logprobs: (token.top_logprobs ?? []).map((top) => ({
      token: top.token,
      logprob: top.logprob,
      bytes: top.bytes ?? [],
    })),
  }));
}
