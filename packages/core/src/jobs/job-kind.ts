import type { JobRow } from "../storage/schema.ts";

/** A job as its handler sees it. */
export type Job<Payload> = Omit<JobRow, "payload"> & { payload: Payload };

/** What a running job may use besides its payload. */
export interface JobContext {
  /**
   * Aborted when this run no longer holds the job: it was cancelled, or another runner took it
   * over after this one failed to renew its lease. Whatever the handler writes to the job after
   * that is ignored; it should stop soon.
   */
  signal: AbortSignal;
  /** 1 for the first start; higher when earlier runs were cut short. */
  attempt: number;
  /** Stored on the job row for readers (`JobRunner.get`). */
  progress(progress: Record<string, unknown>): Promise<void>;
}

/** One kind of background work and the handler that does it. */
export interface JobKind<Payload> {
  kind: string;
  /** Jobs of this kind one runner (one replica) works on at once; the rest stay queued. */
  concurrency: number;
  /** Starts a job may take before it ends `failed` instead (default 3); only crashes retry. */
  maxAttempts?: number;
  /**
   * Does the work; what it returns is stored as the job's `result`, what it throws ends the job
   * `failed` with the error's message as `last_error` (no retry: a handler error is a result).
   */
  run(job: Job<Payload>, context: JobContext): Promise<unknown>;
  /**
   * What of the payload stays on the row once the job has ended (succeeded, failed, cancelled):
   * drop the secrets it needed to run, so they live no longer than the work. Default: all of it.
   */
  keepOnEnd?(payload: Payload): Record<string, unknown>;
  /** The job was cut short `maxAttempts` times and ends failed unrun: record that where the kind keeps its state. */
  onGiveUp?(job: Job<Payload>, lastError: string): Promise<void>;
}
