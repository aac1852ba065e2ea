import { parse } from "csv-parse/sync";
import type { ParsedDocument } from "./parsed-document.ts";
import { unreadable } from "./unreadable.ts";

/**
 * One line per data row, as `header: value` pairs joined by `; `, so a chunk holding any row
 * still says what each value means. Empty cells are left out; extra cells get `column N`.
 */
export function parseCsv(text: string, filename: string): ParsedDocument {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
    });
  } catch (error) {
    throw unreadable(filename, "the CSV is malformed", error);
  }
  const [header = [], ...rows] = records;
  const columns = header.map((name, index) => name || `column ${index + 1}`);
  const lines = rows
    .map((row) =>
      row
        .map((value, index) => (value === "" ? "" : `${columns[index] ?? `column ${index + 1}`}: ${value}`))
        .filter((pair) => pair !== "")
        .join("; "),
    )
    .filter((line) => line !== "");
  // A header-only file still says something worth finding.
  const body = rows.length === 0 ? columns.join(", ") : lines.join("\n");
  return { text: body, format: "csv", metadata: { rowCount: rows.length, columns } };
}

/** The most frequent of comma, tab and semicolon outside quotes on the first line; comma on a tie. */
function guessDelimiter(text: string): string {
  const counts = new Map([
    [",", 0],
    ["\t", 0],
    [";", 0],
  ]);
  let quoted = false;
  for (const character of text.slice(0, 4096)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}
