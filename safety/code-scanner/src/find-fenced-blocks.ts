export interface FencedBlock {
  /** The info string after the opening fence (may be empty). */
  info: string;
  code: string;
}

const OPENING = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

/**
 * Markdown fenced code blocks (``` or ~~~, three or more) in `text`. Lenient where chat output is: a
 * fence may be indented any amount (list items), and an unclosed fence runs to the end of the text.
 * The opening fence's indentation is removed from the block's lines.
 */
export function findFencedBlocks(text: string): FencedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i] ?? "");
    if (!open) continue;
    const indent = open[1] ?? "";
    const fence = open[2] ?? "";
    const info = (open[3] ?? "").trim();
    if (fence.startsWith("`") && info.includes("`")) continue;
    const closing = new RegExp(`^[ \\t]*${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !closing.test(lines[j] ?? ""); j++) {
      const line = lines[j] ?? "";
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ info, code: body.join("\n") });
    i = j;
  }
  return blocks;
}
