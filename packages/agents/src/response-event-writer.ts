import { randomUUID } from "node:crypto";
import type { Logger, ResponseStreamEvent } from "@llama-stack-ts/api";
import type { LoggedResponseEvent, ResponseEventLog } from "./response-event-log.ts";

/** Events a reader numbers before the run's own: `response.created` and `response.queued`. */
export const FIRST_RUN_SEQ = 2;
/** How long events wait to be written together; a reader elsewhere lags by about this much. */
const FLUSH_MS = 100;

/**
 * Writes one run's stream events to the log in batches, numbered as a reader numbers them: the
 * run's own `response.created` is left out (the reader has sent the queued response's), the rest
 * follow from {@link FIRST_RUN_SEQ}. One write is in flight at a time, so they land in order. A
 * failed write is logged once, not thrown, and the writer stops (readers elsewhere then get the
 * stored end, as for any gap): the stored response still tells how the run ended.
 */
export class ResponseEventWriter {
  private readonly run = randomUUID();
  private next = FIRST_RUN_SEQ;
  private pending: LoggedResponseEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void>;
  private failed = false;

  constructor(
    private readonly log: ResponseEventLog,
    private readonly responseId: string,
    private readonly logger: Logger,
  ) {
    this.writing = this.attempt(() => log.restart(responseId));
  }

  push(event: ResponseStreamEvent): void {
    if (event.type === "response.created" || this.failed) return;
    const { sequence_number: _, ...body } = event as Record<string, unknown>;
    this.pending.push({ seq: this.next++, run: this.run, event: body });
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Writes what is left; resolves once every event is written (or its write failed). */
  async close(): Promise<void> {
    this.flush();
    await this.writing;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 || this.failed) return;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(() => this.attempt(() => this.log.append(this.responseId, batch)));
  }

  private async attempt(write: () => Promise<void>): Promise<void> {
    if (this.failed) return;
    try {
      await write();
    } catch (error) {
      this.failed = true;
      this.logger.warn("could not keep a background response's stream events", {
        response: this.responseId,
        error,
      });
    }
  }
}
