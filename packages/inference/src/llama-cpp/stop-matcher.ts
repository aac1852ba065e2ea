/**
 * Finds OpenAI `stop` strings in streamed text. `push` returns what is safe to emit now, holding
 * back a tail that could still become a stop string; `stopped` says a stop string was hit.
 */
export class StopMatcher {
  private held = "";
  stopped = false;

  constructor(private readonly stops: readonly string[]) {}

  push(text: string): string {
    if (this.stopped) return "";
    this.held += text;
    for (const stop of this.stops) {
      const at = this.held.indexOf(stop);
      if (at >= 0) {
        this.stopped = true;
        const out = this.held.slice(0, at);
        this.held = "";
        return out;
      }
    }
    const keep = this.partialTail();
    const out = this.held.slice(0, this.held.length - keep);
    this.held = this.held.slice(this.held.length - keep);
    return out;
  }

  /** Text held back at the end of generation (no stop string completed). */
  flush(): string {
    const out = this.held;
    this.held = "";
    return out;
  }

  private partialTail(): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let n = Math.min(stop.length - 1, this.held.length); n > longest; n--) {
        if (this.held.endsWith(stop.slice(0, n))) {
          longest = n;
          break;
        }
      }
    }
    return longest;
  }
}
