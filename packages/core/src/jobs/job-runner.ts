import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Logger, StackError } from "@llama-stack-ts/api";
import type { StackDb } from "../storage/database.ts";
import type { JobRow } from "../storage/schema.ts";
import type { Job, JobContext, JobKind } from "./job-kind.ts";
import { type JobClaim, JobsStore } from "./jobs-store.ts";

export interface JobRunnerOptions {
  db: StackDb;
  logger: Logger;
  /**
   * No other process can reach this database (embedded PGlite): every lease this runner does not
   * hold belongs to a dead process, so such jobs are taken over at once instead of at expiry.
   */
  exclusive: boolean;
  /** How long a claim holds a job without renewal (default 2 minutes). */
  leaseMs?: number;
  /** How often this runner renews the leases of the jobs it is running (default 30 s). */
  renewMs?: number;
  /** How often it looks for queued jobs other replicas enqueued, and for abandoned ones (default 5 s). */
  pollMs?: number;
  /** Finished jobs are deleted this long after they end (default 7 days). */
  keepFinishedMs?: number;
}

export interface EnqueueOptions {
  /** The principal the job runs for; null = the server's own work. */
  owner?: string | null;
  /** Writes committed in the same transaction as the job row, e.g. the row the job works on. */
  alongside?: (tx: StackDb) => Promise<void>;
}

interface Run {
  controller: AbortController;
  task: Promise<void>;
}

interface KindState {
  definition: JobKind<unknown>;
  running: Map<string, Run>;
  claiming: Promise<void> | undefined;
  /** Another claim was asked for while one was in flight. */
  again: boolean;
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Runs background jobs kept as rows in the Stack's database, shared by every replica on it:
 * handlers registered per kind, at most `concurrency` jobs of a kind at once per runner, leases
 * renewed while a job runs, jobs of a runner that died taken over once its lease runs out
 * (`FOR UPDATE SKIP LOCKED`), a job cut short `maxAttempts` times failed with a readable
 * `last_error`, cancel, progress. A queued job holds no lease: a runner claims only what it can
 * start, so an idle replica picks up what a busy one enqueued.
 */
export class JobRunner {
  /** This runner's name in `lease_owner`. */
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly store: JobsStore;
  private readonly kinds = new Map<string, KindState>();
  private readonly leaseMs: number;
  private started = false;
  private closing = false;
  private timers: NodeJS.Timeout[] = [];
  private lastPrune = 0;

  constructor(private readonly options: JobRunnerOptions) {
    this.store = new JobsStore(options.db);
    this.leaseMs = options.leaseMs ?? 120_000;
  }

  register<Payload>(definition: JobKind<Payload>): void {
    if (this.kinds.has(definition.kind))
      throw new Error(`Job kind '${definition.kind}' is registered twice.`);
    this.kinds.set(definition.kind, {
      definition: definition as JobKind<unknown>,
      running: new Map(),
      claiming: undefined,
      again: false,
    });
    if (this.started) this.wake(definition.kind);
  }

  /** Stores a queued job; a runner with a free slot for its kind (this one first) starts it. */
  async enqueue<Payload extends Record<string, unknown>>(
    kind: string,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<Job<Payload>> {
    const state = this.kinds.get(kind);
    if (!state) throw new Error(`No handler is registered for job kind '${kind}'.`);
    const row = {
      id: `job_${randomUUID().replaceAll("-", "")}`,
      kind,
      owner: options.owner ?? null,
      payload,
      maxAttempts: state.definition.maxAttempts ?? 3,
    };
    const alongside = options.alongside;
    const inserted = alongside
      ? await this.options.db.transaction(async (tx) => {
          await alongside(tx as unknown as StackDb);
          return this.store.insert(row, tx as unknown as StackDb);
        })
      : await this.store.insert(row);
    this.wake(kind);
    return inserted as Job<Payload>;
  }

  async get(id: string): Promise<JobRow | undefined> {
    return this.store.find(id);
  }

  /**
   * A queued or running job ends `cancelled`; a run on this replica sees its signal aborted at
   * once, one on another replica at that replica's next lease renewal. Undefined when the job had
   * already ended (or never existed).
   */
  async cancel(id: string): Promise<JobRow | undefined> {
    const row = await this.store.cancel(id);
    const state = row && this.kinds.get(row.kind);
    if (!row || !state) return row;
    state.running.get(id)?.controller.abort(new Error("The job was cancelled."));
    const payload = kept(state, row);
    if (payload === undefined) return row;
    await this.store.setPayload(id, payload);
    return { ...row, payload };
  }

  /** Starts claiming: at once (taking over what a dead process left), then on timers. */
  start(): void {
    if (this.started || this.closing) return;
    this.started = true;
    const renew = setInterval(() => void this.renew(), this.options.renewMs ?? 30_000);
    const poll = setInterval(() => this.poll(), this.options.pollMs ?? 5_000);
    renew.unref();
    poll.unref();
    this.timers = [renew, poll];
    this.poll();
  }

  /** Waits until this runner has nothing running or being claimed (of one kind, or of any). */
  async drain(kind?: string): Promise<void> {
    for (;;) {
      const pending: Promise<void>[] = [];
      for (const [name, state] of this.kinds) {
        if (kind !== undefined && name !== kind) continue;
        for (const run of state.running.values()) pending.push(run.task);
        if (state.claiming) pending.push(state.claiming);
      }
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  /**
   * Shutdown: claim nothing more; running jobs finish (their leases renewed meanwhile); a claim
   * that lands now is handed back unstarted. Queued jobs hold no lease, so the next start or
   * another replica takes them without waiting.
   */
  async close(): Promise<void> {
    this.closing = true;
    const renew = this.timers[0];
    for (const timer of this.timers.slice(1)) clearInterval(timer);
    await this.drain();
    if (renew) clearInterval(renew);
  }

  private poll(): void {
    for (const kind of this.kinds.keys()) this.wake(kind);
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      this.store.prune(this.options.keepFinishedMs ?? 7 * 86_400_000).catch((error: unknown) => {
        this.options.logger.warn("could not delete finished jobs", { error });
      });
    }
  }

  /** Claims as many jobs of a kind as there are free slots; one claim per kind at a time. */
  private wake(kind: string): void {
    const state = this.kinds.get(kind);
    if (!state || !this.started || this.closing) return;
    if (state.claiming) {
      state.again = true;
      return;
    }
    const free = state.definition.concurrency - state.running.size;
    if (free <= 0) return;
    state.claiming = this.claim(state, free)
      .catch((error: unknown) => this.options.logger.warn("could not claim jobs", { kind, error }))
      .finally(() => {
        state.claiming = undefined;
        if (state.again) {
          state.again = false;
          this.wake(kind);
        }
      });
  }

  private async claim(state: KindState, limit: number): Promise<void> {
    const rows = await this.store.claim({
      kind: state.definition.kind,
      limit,
      owner: this.id,
      leaseMs: this.leaseMs,
      othersAreDead: this.options.exclusive,
      skip: [...state.running.keys()],
    });
    for (const row of rows) {
      const claim: JobClaim = { id: row.id, owner: this.id, attempt: row.attempts };
      if (this.closing) await this.store.release(claim);
      else if (row.attempts > row.maxAttempts) this.track(state, row, () => this.giveUp(state, row, claim));
      else this.track(state, row, (controller) => this.run(state, row, claim, controller));
    }
  }

  private track(state: KindState, row: JobRow, work: (controller: AbortController) => Promise<void>) {
    const controller = new AbortController();
    const task = work(controller)
      .catch((error: unknown) =>
        this.options.logger.error("could not record the end of a job", {
          kind: row.kind,
          job: row.id,
          error,
        }),
      )
      .finally(() => {
        state.running.delete(row.id);
        this.wake(row.kind);
      });
    state.running.set(row.id, { controller, task });
  }

  private async run(state: KindState, row: JobRow, claim: JobClaim, controller: AbortController) {
    const context: JobContext = {
      signal: controller.signal,
      attempt: row.attempts,
      // Best effort: a failed progress write must not fail the job.
      progress: async (progress) => {
        try {
          if (!(await this.store.setProgress(claim, progress))) controller.abort(lost());
        } catch (error) {
          this.options.logger.warn("could not store job progress", { kind: row.kind, job: row.id, error });
        }
      },
    };
    let result: unknown;
    try {
      result = await state.definition.run(row, context);
    } catch (error) {
      if (!StackError.isInstance(error) && !controller.signal.aborted)
        this.options.logger.warn("job failed", { kind: row.kind, job: row.id, error });
      await this.store.finish(claim, { status: "failed", lastError: messageOf(error) }, kept(state, row));
      return;
    }
    await this.store.finish(claim, { status: "succeeded", result: result ?? null }, kept(state, row));
  }

  /** Cut short too often (each time its runner died): failed without another start. */
  private async giveUp(state: KindState, row: JobRow, claim: JobClaim) {
    const interrupted = row.attempts - 1;
    const lastError = `Interrupted ${interrupted} ${interrupted === 1 ? "time" : "times"} (the server running it stopped); giving up.`;
    if (!(await this.store.finish(claim, { status: "failed", lastError }, kept(state, row)))) return;
    this.options.logger.warn("job cut short too often; failed", {
      kind: row.kind,
      job: row.id,
      attempts: interrupted,
    });
    await state.definition.onGiveUp?.({ ...row, status: "failed", lastError }, lastError);
  }

  /** Keeps the leases of running jobs; a run whose job was cancelled or taken over is told to stop. */
  private async renew(): Promise<void> {
    // Only runs that started before the renewal: one claimed meanwhile is not in its answer.
    const before = [...this.kinds.values()].flatMap((state) => [...state.running.entries()]);
    try {
      const held = await this.store.renew(this.id, this.leaseMs);
      for (const [id, run] of before) if (!held.has(id)) run.controller.abort(lost());
    } catch (error) {
      this.options.logger.warn("could not renew job leases", { error });
    }
  }
}

/** The payload a job keeps once it ended, when its kind drops part of it. */
function kept(state: KindState, row: JobRow): Record<string, unknown> | undefined {
  return state.definition.keepOnEnd?.(row.payload);
}

function lost(): Error {
  return new Error("This runner no longer holds the job (it was cancelled or taken over).");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
