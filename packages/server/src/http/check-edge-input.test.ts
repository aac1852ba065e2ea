import { InvalidRequestError } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { checkEdgeInput } from "./check-edge-input.ts";
import { EDGE_LIMITS } from "./edge-limits.ts";

function refusal(run: () => void): { param: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    const { param, message } = error as InvalidRequestError;
    return { param, message };
  }
  throw new Error("expected a refusal");
}

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe("checkEdgeInput", () => {
  it("accepts ordinary requests, Unicode beyond the BMP included", () => {
    expect(() =>
      checkEdgeInput(
        {
          model: "llama-cpp/tiny",
          messages: [{ role: "user", content: "Salut 👋 — ça va ? ".repeat(10_000), name: "ada" }],
          metadata: { document_id: "doc-1", tags: ["a", "b"] },
          file_ids: ["file-1", "file-2"],
        },
        "body",
      ),
    ).not.toThrow();
  });

  it("refuses a NUL character in a value or a key, naming the field", () => {
    expect(refusal(() => checkEdgeInput({ name: "a\u0000b" }, "body"))).toEqual({
      param: "body.name",
      message:
        "Invalid request: body.name contains a NUL character (U+0000) in its value; NUL cannot be stored.",
    });
    expect(refusal(() => checkEdgeInput({ metadata: { "k\u0000": 1 } }, "body")).param).toBe(
      "body.metadata.k\uFFFD",
    );
    expect(refusal(() => checkEdgeInput({ file_id: "file-\u0000" }, "path", "id")).param).toBe(
      "path.file_id",
    );
  });

  it("refuses unpaired surrogates but not pairs", () => {
    expect(refusal(() => checkEdgeInput({ messages: [{ content: "x\ud800" }] }, "body")).param).toBe(
      "body.messages[0].content",
    );
    expect(refusal(() => checkEdgeInput({ content: "\udc00x" }, "body")).message).toContain(
      "unpaired UTF-16 surrogate",
    );
    expect(() => checkEdgeInput({ content: "\ud83d\udc4b" }, "body")).not.toThrow();
  });

  it("refuses nesting past the limit without overflowing the stack", () => {
    expect(() => checkEdgeInput(nested(EDGE_LIMITS.maxDepth - 1), "body")).not.toThrow();
    const deep = refusal(() => checkEdgeInput({ metadata: nested(100_000) }, "body"));
    expect(deep.message).toContain(`deeper than ${EDGE_LIMITS.maxDepth} levels`);
    expect(deep.param).toMatch(/^body\.metadata(\.a|\[0\])+$/);
  });

  it("holds ids and names to their lengths and leaves content to the body limit", () => {
    const id = "x".repeat(EDGE_LIMITS.idChars + 1);
    expect(refusal(() => checkEdgeInput({ shield_id: id }, "body"))).toEqual({
      param: "body.shield_id",
      message: `Invalid request: body.shield_id is ${id.length} characters long as an id; the limit is ${EDGE_LIMITS.idChars}.`,
    });
    expect(refusal(() => checkEdgeInput({ file_ids: ["ok", id] }, "body")).param).toBe("body.file_ids[1]");
    expect(refusal(() => checkEdgeInput({ chunks: [{ metadata: { document_id: id } }] }, "body")).param).toBe(
      "body.chunks[0].metadata.document_id",
    );
    const name = "n".repeat(EDGE_LIMITS.nameChars + 1);
    expect(refusal(() => checkEdgeInput({ name }, "body")).message).toContain("as a name");
    expect(refusal(() => checkEdgeInput({ metadata: { [name]: 1 } }, "body")).message).toContain("as a key");
    // Every path parameter is an id; every query value at least a name.
    expect(refusal(() => checkEdgeInput({ vector_store_id: id }, "path", "id")).param).toBe(
      "path.vector_store_id",
    );
    expect(refusal(() => checkEdgeInput({ order: name }, "query", "name")).param).toBe("query.order");
    expect(() => checkEdgeInput({ content: "c".repeat(1_000_000), description: name }, "body")).not.toThrow();
  });
});
