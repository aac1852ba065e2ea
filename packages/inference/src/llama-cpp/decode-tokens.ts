import type { TokenLogprob } from "@llama-stack-ts/api";
import type { GeneratedPiece, GenerationEnd } from "./generate-tokens.ts";
import type { StopMatcher } from "./stop-matcher.ts";

export interface DecodeTokensOptions {
  /** Stop strings: text that may still become one is held back. */
  stops: StopMatcher;
  /** Runs before each token's text joins the output (`text` is the output so far); may switch a grammar on. */
  onToken?: (piece: GeneratedPiece, text: string) => void | Promise<void>;
  /** False while output must be held back (a tool call may be starting; grammar output is read at the end). */
  release?: (text: string) => boolean;
  /** True once the output is complete (a JSON grammar's value has closed), ending generation. */
  complete?: (text: string) => boolean;
}

export interface DecodedText {
  text: string;
  /** Logprobs of the tokens released so far, when the last token carried one. */
  logprobs?: TokenLogprob[];
}

export interface DecodeResult {
  /** Everything generated, stop strings included. */
  text: string;
  generated: number;
  /** How the engine ended; undefined when this loop ended it (stop string, complete output). */
  end: GenerationEnd | undefined;
  stoppedByString: boolean;
  /** Logprobs not yet sent with released text. */
  logprobs: TokenLogprob[];
}

/**
 * The one token loop behind chat and text completions: counts tokens, collects logprobs, releases
 * text through the stop strings, and ends generation early on a stop string or complete output.
 */
export async function* decodeTokens(
  generation: AsyncGenerator<GeneratedPiece, GenerationEnd>,
  options: DecodeTokensOptions,
): AsyncGenerator<DecodedText, DecodeResult> {
  const { stops } = options;
  let text = "";
  let releasedChars = 0;
  let generated = 0; // counted here too: an early stop ends the loop before the generator reports
  const logprobs: TokenLogprob[] = [];
  let step = await generation.next();
  try {
    while (!step.done) {
      const piece = step.value;
      generated++;
      if (piece.logprob) logprobs.push(piece.logprob);
      await options.onToken?.(piece, text);
      text += piece.text;
      if (options.release?.(text) ?? true) {
        // Text held back while a tool call was still possible is released together.
        const out = stops.push(text.slice(releasedChars));
        releasedChars = text.length;
        if (out) {
          yield piece.logprob && !stops.stopped ? { text: out, logprobs: logprobs.splice(0) } : { text: out };
        }
        if (stops.stopped) break;
      }
      if (options.complete?.(text)) break;
      step = await generation.next();
    }
  } finally {
    // Also when the caller stops reading: the engine's evaluation ends before the sequence is freed.
    if (!step.done) await generation.return(undefined as never);
  }
  return {
    text,
    generated,
    end: step.done ? step.value : undefined,
    stoppedByString: stops.stopped,
    logprobs,
  };
}
