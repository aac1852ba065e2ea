/** OpenAI's `file_citation` annotation: a file the text cites, at a position in the text. */
export interface FileCitation {
  type: "file_citation";
  file_id: string;
  filename: string;
  index: number;
}

/** A marker is `<|file-…|>` (the file_search tool asks models to cite that way); ids stay short. */
const MARKER = /^<\|(file-[A-Za-z0-9_-]{1,120})\|>/;
const LONGEST_MARKER = 126;

/**
 * Strips the citation markers of known files from a message's text as it streams, and notes each
 * as a `file_citation` at its place in the stripped text. Text that could still begin a marker is
 * held back until it can be told apart; markers of files this response never saw stay as text.
 */
export class CitationStripper {
  readonly annotations: FileCitation[] = [];
  private held = "";
  private emitted = 0;

  constructor(private readonly files: ReadonlyMap<string, string>) {}

  /** The part of `delta` that can be sent now. */
  push(delta: string): string {
    this.held += delta;
    let out = "";
    for (;;) {
      const start = this.held.indexOf("<|");
      if (start === -1) {
        // A lone trailing `<` may begin a marker.
        const keep = this.held.endsWith("<") ? 1 : 0;
        out += this.held.slice(0, this.held.length - keep);
        this.held = this.held.slice(this.held.length - keep);
        break;
      }
      out += this.held.slice(0, start);
      const rest = this.held.slice(start);
      const match = MARKER.exec(rest);
      if (match) {
        const fileId = match[1]!;
        const filename = this.files.get(fileId);
        if (filename !== undefined) {
          this.annotations.push({
            type: "file_citation",
            file_id: fileId,
            filename,
            index: this.emitted + out.length,
          });
        } else {
          out += match[0];
        }
        this.held = rest.slice(match[0].length);
        continue;
      }
      if (rest.length < LONGEST_MARKER && /^<\|(f(i(l(e(-[A-Za-z0-9_-]*\|?)?)?)?)?)?$/.test(rest)) {
        this.held = rest;
        break;
      }
      // Not a marker: pass its `<|` on and look further.
      out += rest.slice(0, 2);
      this.held = rest.slice(2);
    }
    this.emitted += out.length;
    return out;
  }

  /** What was held back at the message's end. */
  end(): string {
    const out = this.held;
    this.held = "";
    this.emitted += out.length;
    return out;
  }
}
