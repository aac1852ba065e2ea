import { Parser } from "htmlparser2";

export interface HtmlText {
  text: string;
  title?: string;
}

/** Elements whose content is never prose. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "math", "title"]);
const PARAGRAPH_BLOCKS = new Set([
  ..."address article aside blockquote details dialog div dl fieldset figure footer form header hr main nav ol p pre section summary table ul".split(
    " ",
  ),
  ..."h1 h2 h3 h4 h5 h6".split(" "),
]);
const LINE_BLOCKS = new Set("br caption dd dt figcaption li option tr".split(" "));

/**
 * Readable text from HTML: scripts and styles dropped, entities decoded, whitespace collapsed
 * except in `<pre>`, blocks separated by blank lines, list items and table rows one per line.
 */
export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let pendingNewlines = 0;
  let lastEndsWithSpace = true;
  let skipDepth = 0;
  let preDepth = 0;
  let cellInRow = 0;
  let title: string | undefined;
  let inTitle = false;

  const breakLine = (newlines: number): void => {
    pendingNewlines = Math.max(pendingNewlines, newlines);
  };
  const emit = (raw: string, preformatted: boolean): void => {
    let text = preformatted ? raw : raw.replace(/\s+/g, " ");
    const atLineStart = pendingNewlines > 0 || parts.length === 0;
    if (!preformatted && (atLineStart || lastEndsWithSpace)) text = text.trimStart();
    if (text === "") return;
    if (pendingNewlines > 0 && parts.length > 0) parts.push("\n".repeat(pendingNewlines));
    pendingNewlines = 0;
    parts.push(text);
    lastEndsWithSpace = /\s$/.test(text);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") inTitle = true;
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === "pre") preDepth++;
        if (PARAGRAPH_BLOCKS.has(name)) breakLine(2);
        else if (LINE_BLOCKS.has(name)) breakLine(1);
        if (name === "tr") cellInRow = 0;
        if (name === "li") emit("- ", true);
        if (name === "td" || name === "th") {
          if (cellInRow > 0) emit(" | ", true);
          cellInRow++;
        }
      },
      ontext(data) {
        if (inTitle) title = (title ?? "") + data;
        if (skipDepth === 0) emit(data, preDepth > 0);
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
        if (PARAGRAPH_BLOCKS.has(name)) breakLine(2);
        else if (LINE_BLOCKS.has(name) && name !== "br") breakLine(1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);

  const text = parts
    .join("")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const cleanTitle = title?.replace(/\s+/g, " ").trim();
  return cleanTitle ? { text, title: cleanTitle } : { text };
}
