import type { Logger } from "@llama-stack-ts/api";
import type { ResponseEventLog } from "./response-event-log.ts";
import type { ResponsesStorage } from "./responses-storage.ts";

/** How long background responses' stream events stay resumable. */
export const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;

export interface ResponseLivenessOptions {
  storage: ResponsesStorage;
  /** Pruned on each beat: events older than {@link KEEP_EVENTS_MS}. */
  events?: ResponseEventLog | undefined;
  logger: Logger;
  /**
   * No other process can reach the database (embedded PGlite): at start every unfinished
   * foreground response belongs to a dead process and fails at once, not after `staleMs`.
   */
  exclusive: boolean;
  /** How often the running responses are stamped alive and stale ones swept (default 30 s). */
  heartbeatMs?: number;
  /** Unstamped this long, a foreground response's server is taken for dead (default 2 min). */
  staleMs?: number;
}

export const ABANDONED_ERROR = {
  code: "server_error",
  message: "The server running this response stopped before it finished.",
};

/**
 * Keeps "in progress" true: the responses this server runs are stamped alive on a timer; those
 * a dead server left (killed mid-turn) are failed by whichever server sweeps first, so none stays
 * `in_progress` forever. Background responses are the job runner's to resume.
 */
export class ResponseLiveness {
  private readonly running = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeatMs: number;
  private readonly staleMs: number;

  constructor(private readonly options: ResponseLivenessOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.staleMs = options.staleMs ?? 120_000;
  }

  /** Sweeps once (a restart after a kill fails what it left), then stamps and sweeps on a timer. */
  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.heartbeatMs);
    this.timer.unref();
    await this.sweep(this.options.exclusive ? new Date() : new Date(Date.now() - this.staleMs));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  track(id: string): void {
    this.running.add(id);
  }

  untrack(id: string): void {
    this.running.delete(id);
  }

  /** One beat: stamp ours, fail the stale ones of others, drop old stream events. */
  async tick(): Promise<void> {
    try {
      await this.options.storage.heartbeat([...this.running]);
    } catch (error) {
      this.options.logger.warn("could not stamp running responses", { error });
    }
    await this.sweep(new Date(Date.now() - this.staleMs));
    await this.options.events?.prune(new Date(Date.now() - KEEP_EVENTS_MS)).catch((error: unknown) => {
      this.options.logger.warn("could not prune response stream events", { error });
    });
  }

  private async sweep(staleBefore: Date): Promise<void> {
    try {
      const failed = await this.options.storage.failAbandoned(staleBefore, ABANDONED_ERROR);
      if (failed.length > 0)
        this.options.logger.warn("failed responses a stopped server left in progress", { ids: failed });
    } catch (error) {
      this.options.logger.warn("could not sweep abandoned responses", { error });
    }
  }
}
