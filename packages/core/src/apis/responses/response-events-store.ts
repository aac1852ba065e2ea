import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { StackDb } from "../../storage/database.ts";
import { responseEvents } from "../../storage/schema.ts";
import { storableJson } from "../../storage/storable-json.ts";

/** One stream event of a background response, as every reader numbers it. */
export interface StoredResponseEvent {
  seq: number;
  /** The run that wrote it; a restarted run writes under a new one. */
  run: string;
  event: Record<string, unknown>;
}

/**
 * The stream events of background responses, so any replica can follow or resume one. Not
 * owner-scoped: callers read events only of a response they were allowed to find.
 */
export class ResponseEventsStore {
  constructor(private readonly db: StackDb) {}

  /** A run starts: the events of any run before it (cut short by a crash) are dropped. */
  async restart(responseId: string): Promise<void> {
    await this.db.delete(responseEvents).where(eq(responseEvents.responseId, responseId));
  }

  async append(responseId: string, events: readonly StoredResponseEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db
      .insert(responseEvents)
      .values(
        events.map((e) => ({
          responseId,
          seq: e.seq,
          run: e.run,
          event: storableJson(e.event) as Record<string, unknown>,
        })),
      )
      // A flush retried after a lost reply adds nothing twice.
      .onConflictDoNothing();
  }

  /** Events numbered after `afterSeq`, in order, at most `limit`. */
  async read(responseId: string, afterSeq: number, limit: number): Promise<StoredResponseEvent[]> {
    const rows = await this.db
      .select({ seq: responseEvents.seq, run: responseEvents.run, event: responseEvents.event })
      .from(responseEvents)
      .where(and(eq(responseEvents.responseId, responseId), gt(responseEvents.seq, afterSeq)))
      .orderBy(asc(responseEvents.seq))
      .limit(limit);
    return rows;
  }

  /** Drops events written before `before`; how many. */
  async prune(before: Date): Promise<number> {
    const removed = await this.db
      .delete(responseEvents)
      .where(lt(responseEvents.createdAt, before))
      .returning({ seq: responseEvents.seq });
    return removed.length;
  }
}
