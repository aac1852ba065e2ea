import { describe, expect, it } from "vitest";
import { fileContentType } from "./file-content-type.ts";

describe("fileContentType", () => {
  it("keeps a specific declared type", () => {
    expect(fileContentType("x.bin", "image/png")).toBe("image/png");
    expect(fileContentType("x.md", "Application/PDF; charset=binary")).toBe("application/pdf");
  });

  it("lets a known extension replace a generic or missing type", () => {
    expect(fileContentType("notes.md", "application/octet-stream")).toBe("text/markdown");
    expect(fileContentType("photo.PNG", "text/plain")).toBe("image/png");
    expect(fileContentType("data.jsonl")).toBe("application/jsonl");
  });

  it("falls back to the declared generic type, then to octet-stream", () => {
    expect(fileContentType("README", "text/plain")).toBe("text/plain");
    expect(fileContentType("blob", "application/octet-stream")).toBe("application/octet-stream");
    expect(fileContentType("blob", "not a type")).toBe("application/octet-stream");
    expect(fileContentType("blob")).toBe("application/octet-stream");
  });
});
