import type { ApiCall, SafetyApi } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { GUARD_WINDOW, guardStream } from "./guard-stream.ts";
import { outputTextMessage } from "./output-items.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import type { ResponseLoopEnd } from "./run-response-loop.ts";

const call = { access: {} } as ApiCall;

/** One shield on output that blocks any text containing `word`; counts what it judged. */
function blocking(word: string) {
  const judged: string[] = [];
  const safety = {
    shieldsFor: async () => [{ identifier: "block" }],
    runShield: async ({ messages }: { messages: { content: string }[] }) => {
      const text = messages.map((m) => m.content).join("");
      judged.push(text);
      return {
        violation: text.includes(word)
          ? { violation_level: "error", user_message: "Blocked.", metadata: {} }
          : null,
      };
    },
  } as unknown as SafetyApi;
  return { safety, judged };
}

/** A loop that writes `text` in `pieces`-sized deltas; `stopped` says whether it was returned early. */
function writer(text: string, piece: number) {
  const state = { stopped: false, written: 0 };
  async function* loop(): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
    try {
      yield { type: "text-start", id: "msg_1" };
      for (let at = 0; at < text.length; at += piece) {
        state.written = at + piece;
        yield { type: "text-delta", id: "msg_1", delta: text.slice(at, at + piece) };
      }
      yield { type: "text-end", item: outputTextMessage(text, "msg_1") };
      return { status: "completed", usage: { input_tokens: 1, output_tokens: 2 } };
    } finally {
      state.stopped = state.written < text.length;
    }
  }
  return { loop: loop(), state };
}

async function drain(events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>) {
  const seen: ResponseLoopEvent[] = [];
  let next = await events.next();
  while (!next.done) {
    seen.push(next.value);
    next = await events.next();
  }
  return { seen, end: next.value };
}

describe("guardStream", () => {
  it("passes text on only in judged windows, the last partial one at the end", async () => {
    const text = "a".repeat(GUARD_WINDOW * 2 + 50);
    const { safety, judged } = blocking("password");
    const { seen, end } = await drain(guardStream(writer(text, 10).loop, safety, call));
    const deltas = seen.flatMap((e) => (e.type === "text-delta" ? [e.delta] : []));
    expect(deltas.map((d) => d.length)).toEqual([GUARD_WINDOW, GUARD_WINDOW, 50]);
    expect(judged.map((t) => t.length)).toEqual([GUARD_WINDOW, GUARD_WINDOW * 2, text.length]);
    expect(seen.map((e) => e.type)).toEqual([
      "text-start",
      "text-delta",
      "text-delta",
      "text-delta",
      "text-end",
    ]);
    expect(end.usage).toEqual({ input_tokens: 1, output_tokens: 2 });
  });

  it("sends none of a violating window, ends with a refusal and stops the loop", async () => {
    const text = `${"a".repeat(GUARD_WINDOW)}the password is swordfish${"b".repeat(GUARD_WINDOW * 3)}`;
    const { safety } = blocking("password");
    const { loop, state } = writer(text, 10);
    const { seen } = await drain(guardStream(loop, safety, call));
    expect(JSON.stringify(seen)).not.toContain("password");
    expect(seen.map((e) => e.type)).toEqual(["text-start", "text-delta", "text-end", "refusal"]);
    expect(seen[2]).toMatchObject({
      item: { status: "incomplete", content: [{ text: "a".repeat(GUARD_WINDOW) }] },
    });
    expect(seen[3]).toMatchObject({ item: { content: [{ type: "refusal", refusal: "Blocked." }] } });
    expect(state.stopped).toBe(true);
  });

  it("passes everything through untouched when no shield guards output", async () => {
    const safety = { shieldsFor: async () => [] } as unknown as SafetyApi;
    const { seen } = await drain(guardStream(writer("hello there", 3).loop, safety, call));
    expect(seen.filter((e) => e.type === "text-delta")).toHaveLength(4);
  });
});
