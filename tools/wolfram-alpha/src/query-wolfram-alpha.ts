import { UpstreamError } from "@llama-stack-ts/api";
import { z } from "zod";

// https://products.wolframalpha.com/api/documentation (Full Results API, `output=json`)
const QueryResultSchema = z.looseObject({
  queryresult: z.looseObject({
    success: z.boolean(),
    error: z.union([z.boolean(), z.looseObject({ code: z.unknown(), msg: z.string() })]),
    pods: z
      .array(
        z.looseObject({
          title: z.string(),
          subpods: z.array(z.looseObject({ plaintext: z.string().nullable().optional() })).default([]),
        }),
      )
      .default([]),
    didyoumeans: z.unknown().optional(),
  }),
});

/** One pod of an answer: its title and the plain text of its subpods. */
export interface WolframAlphaPod {
  title: string;
  texts: string[];
}

export interface WolframAlphaQueryOptions {
  query: string;
  appId: string;
  baseUrl: string;
  signal: AbortSignal;
}

/** `GET /v2/query?input=&appid=&format=plaintext&output=json`, its pods as plain text. */
export async function queryWolframAlpha(options: WolframAlphaQueryOptions): Promise<WolframAlphaPod[]> {
  const url = new URL(options.baseUrl);
  url.searchParams.set("input", options.query);
  url.searchParams.set("appid", options.appId);
  url.searchParams.set("format", "plaintext");
  url.searchParams.set("output", "json");
  let response: Response;
  try {
    response = await fetch(url, { signal: options.signal });
  } catch (error) {
    if (options.signal.aborted) throw error;
    const reason = error instanceof Error ? (error.cause ?? error).toString() : String(error);
    throw new UpstreamError(`Wolfram|Alpha could not be reached: ${reason}`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new UpstreamError(
      `Wolfram|Alpha answered ${response.status}: ${text.slice(0, 500) || response.statusText}`,
    );
  }
  const parsed = QueryResultSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new UpstreamError("Wolfram|Alpha answered in an unexpected shape.");
  const result = parsed.data.queryresult;
  // An invalid AppID is a 200 whose body carries the error.
  if (typeof result.error === "object") {
    throw new UpstreamError(`Wolfram|Alpha answered error ${String(result.error.code)}: ${result.error.msg}`);
  }
  if (!result.success) {
    throw new UpstreamError(
      `Wolfram|Alpha did not understand the query '${options.query}'; try rephrasing it.`,
    );
  }
  return result.pods.map((pod) => ({
    title: pod.title,
    texts: pod.subpods.map((subpod) => subpod.plaintext ?? "").filter((t) => t.length > 0),
  }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
