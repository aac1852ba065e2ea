import { humanSize } from "./human-size.ts";
import type { CachedModel } from "./list-models.ts";

const HEADINGS = ["FILE", "SIZE", "NAME", "ARCH", "CONTEXT", "QUANT"];

/** `models list` output: one aligned row per file, header details where the GGUF could be read. */
export function modelsTable(models: readonly CachedModel[]): string {
  const rows = models.map((model) => {
    if (model.status === "partial") {
      return [model.fileName, "-", `(partial, ${humanSize(model.downloaded)})`, "", "", ""];
    }
    if (model.status === "unreadable")
      return [model.fileName, humanSize(model.size), "(unreadable)", "", "", ""];
    const { name, architecture, contextLength, quantization } = model.header;
    return [
      model.fileName,
      humanSize(model.size),
      name ?? "-",
      architecture ?? "-",
      contextLength === undefined ? "-" : String(contextLength),
      quantization ?? "-",
    ];
  });
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]!.length)),
  );
  return [HEADINGS, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
