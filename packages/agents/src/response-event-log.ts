/** One stream event of a background response, numbered as every reader sees it. */
export interface LoggedResponseEvent {
  seq: number;
  /** The run that wrote it; a run restarted after a crash writes under a new one. */
  run: string;
  event: Record<string, unknown>;
}

/**
 * Where background responses' stream events are kept, so a reader on any replica can follow or
 * resume one. Core's `ResponseEventsStore` (`response_events` table) is the one implementation.
 */
export interface ResponseEventLog {
  /** A run starts: drop the events of the runs before it. */
  restart(responseId: string): Promise<void>;
  append(responseId: string, events: readonly LoggedResponseEvent[]): Promise<void>;
  /** Events numbered after `afterSeq`, in order. */
  read(responseId: string, afterSeq: number, limit: number): Promise<LoggedResponseEvent[]>;
  /** Drops events written before `before`; how many. */
  prune(before: Date): Promise<number>;
}
