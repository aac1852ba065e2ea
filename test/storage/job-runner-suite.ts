import {
  createLogger,
  type Database,
  type Job,
  type JobKind,
  type JobRow,
  JobRunner,
  type JobRunnerOptions,
} from "@llama-stack-ts/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sleep, waitFor } from "../helpers/wait-for.ts";

/** Two handles on one database, as two replicas would hold (two pools on PostgreSQL). */
export interface TwoHandles {
  databases: [Database, Database];
  stop(): Promise<void>;
}

const logger = createLogger({ level: "silent" });

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * The job runner's contract, run on every database driver (PGlite and `pg`): claiming, leases and
 * takeover, attempts, cancel, progress, per-kind concurrency and shutdown, with two runners on one
 * database standing in for two replicas.
 */
export function jobRunnerSuite(name: string, open: () => Promise<TwoHandles>) {
  describe(`job runner on ${name}`, () => {
    let handles: TwoHandles;
    let runners: JobRunner[] = [];
    let kindCount = 0;
    /** A kind name no other test uses: every test shares the one jobs table. */
    const newKind = (label: string) => `${label}-${++kindCount}`;

    beforeAll(async () => {
      handles = await open();
    });
    afterEach(async () => {
      await Promise.all(runners.map((runner) => runner.close()));
      runners = [];
    });
    afterAll(async () => {
      await handles?.stop();
    });

    function runner(
      database: 0 | 1,
      kinds: JobKind<never>[],
      options: Partial<Omit<JobRunnerOptions, "db" | "logger">> = {},
    ) {
      const created = new JobRunner({
        db: handles.databases[database].db,
        logger,
        exclusive: false,
        pollMs: 20,
        renewMs: 50,
        ...options,
      });
      for (const kind of kinds) created.register(kind as JobKind<unknown>);
      runners.push(created);
      return created;
    }

    const read = async (id: string): Promise<JobRow | undefined> =>
      (await handles.databases[0].db.query.jobs.findFirst({ where: (jobs, { eq }) => eq(jobs.id, id) })) ??
      undefined;
    const settled = (id: string) =>
      waitFor(
        `job ${id} to end`,
        () => read(id),
        (row) => row !== undefined && ["succeeded", "failed", "cancelled"].includes(row.status),
      ) as Promise<JobRow>;

    it("runs a queued job once, storing its result and progress", async () => {
      const kind = newKind("echo");
      const a = runner(0, [
        {
          kind,
          concurrency: 1,
          async run(job: Job<{ n: number }>, context) {
            await context.progress({ step: 1, of: 1 });
            return { doubled: job.payload.n * 2 };
          },
        },
      ]);
      a.start();
      const queued = await a.enqueue(kind, { n: 21 }, { owner: "alice" });
      expect(queued).toMatchObject({ status: "queued", attempts: 0, maxAttempts: 3, owner: "alice" });
      const done = await settled(queued.id);
      expect(done).toMatchObject({
        status: "succeeded",
        result: { doubled: 42 },
        progress: { step: 1, of: 1 },
        attempts: 1,
        lastError: null,
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      expect(done.finishedAt).toBeInstanceOf(Date);
      expect(await a.get(queued.id)).toEqual(done);
    });

    it("two runners on one database split the jobs and run none twice", async () => {
      const kind = newKind("split");
      const ran: { runner: string; job: string }[] = [];
      const peak = new Map<string, number>();
      const active = new Map<string, number>();
      const definition = (who: string): JobKind<never> => ({
        kind,
        concurrency: 2,
        async run(job) {
          active.set(who, (active.get(who) ?? 0) + 1);
          peak.set(who, Math.max(peak.get(who) ?? 0, active.get(who)!));
          ran.push({ runner: who, job: job.id });
          await sleep(25);
          active.set(who, active.get(who)! - 1);
        },
      });
      const a = runner(0, [definition("a")]);
      const b = runner(1, [definition("b")]);
      a.start();
      b.start();
      const ids: string[] = [];
      for (let i = 0; i < 20; i += 1) ids.push((await a.enqueue(kind, { i })).id);
      for (const id of ids) expect((await settled(id)).status).toBe("succeeded");
      expect(ran.map((r) => r.job).sort()).toEqual([...ids].sort());
      expect(ran.filter((r) => r.runner === "a").length).toBeGreaterThan(0);
      expect(ran.filter((r) => r.runner === "b").length).toBeGreaterThan(0);
      expect(Math.max(...peak.values())).toBeLessThanOrEqual(2);
    });

    it("takes over a job whose runner stopped renewing, once its lease ran out", async () => {
      const kind = newKind("takeover");
      const hung = deferred();
      const dead = runner(0, [{ kind, concurrency: 1, run: () => hung.promise.then(() => "dead") }], {
        leaseMs: 1_000,
        renewMs: 600_000,
      });
      dead.start();
      const { id } = await dead.enqueue(kind, {});
      await waitFor(
        "the first claim",
        () => read(id),
        (row) => row?.leaseOwner === dead.id,
      );
      const taker = runner(1, [{ kind, concurrency: 1, run: async () => "taken over" }], { leaseMs: 1_000 });
      taker.start();
      await sleep(300);
      expect((await read(id))?.leaseOwner).toBe(dead.id); // the lease still holds
      const done = await settled(id);
      expect(done).toMatchObject({ status: "succeeded", result: "taken over", attempts: 2 });
      // The first run ends late: what it reports no longer counts.
      hung.resolve();
      await dead.drain();
      expect(await read(id)).toMatchObject({ status: "succeeded", result: "taken over" });
    });

    it("takes over at once what a dead process left on an exclusive database (embedded PGlite)", async () => {
      const kind = newKind("exclusive");
      const hung = deferred();
      const dead = runner(0, [{ kind, concurrency: 1, run: () => hung.promise }], {
        leaseMs: 600_000,
        renewMs: 600_000,
      });
      dead.start();
      const { id } = await dead.enqueue(kind, {});
      await waitFor(
        "the first claim",
        () => read(id),
        (row) => row?.leaseOwner === dead.id,
      );
      const next = runner(1, [{ kind, concurrency: 1, run: async () => "next" }], {
        exclusive: true,
        pollMs: 600_000,
      });
      next.start();
      expect(await settled(id)).toMatchObject({ status: "succeeded", result: "next", attempts: 2 });
      hung.resolve();
    });

    it("cancels queued and running jobs; a running handler's signal is aborted, on any replica", async () => {
      const kind = newKind("cancel");
      const aborted: string[] = [];
      const a = runner(0, [
        {
          kind,
          concurrency: 2,
          run: (job, context) =>
            new Promise((_, reject) => {
              context.signal.addEventListener("abort", () => {
                aborted.push(job.id);
                reject(context.signal.reason);
              });
            }),
        },
      ]);
      const b = runner(1, []);
      a.start();
      const local = await a.enqueue(kind, {});
      const remote = await a.enqueue(kind, {});
      await waitFor(
        "both running",
        async () => [await read(local.id), await read(remote.id)],
        (rows) => rows.every((row) => row?.status === "running"),
      );
      const waiting = await a.enqueue(kind, {});
      expect((await a.cancel(waiting.id))?.status).toBe("cancelled");
      expect((await a.cancel(local.id))?.status).toBe("cancelled");
      expect(aborted).toEqual([local.id]);
      // Cancelled from another replica: the runner holding it learns at its next renewal.
      expect((await b.cancel(remote.id))?.status).toBe("cancelled");
      await waitFor(
        "the remote abort",
        async () => aborted,
        (ids) => ids.includes(remote.id),
      );
      await a.drain();
      for (const id of [local.id, remote.id, waiting.id])
        expect(await read(id)).toMatchObject({ status: "cancelled", lastError: null, leaseOwner: null });
      expect((await read(waiting.id))?.attempts).toBe(0);
      expect(await a.cancel(local.id)).toBeUndefined(); // already ended
    });

    it("a handler error fails the job with its message and is not retried", async () => {
      const kind = newKind("error");
      let runs = 0;
      const a = runner(0, [
        {
          kind,
          concurrency: 1,
          async run() {
            runs += 1;
            throw new Error("the document is not a PDF");
          },
        },
      ]);
      a.start();
      const { id } = await a.enqueue(kind, {});
      expect(await settled(id)).toMatchObject({
        status: "failed",
        lastError: "the document is not a PDF",
        attempts: 1,
      });
      await sleep(100);
      expect(runs).toBe(1);
    });

    it("a job cut short maxAttempts times ends failed, unrun, with a readable last error", async () => {
      const kind = newKind("doomed");
      const gaveUp: { id: string; lastError: string }[] = [];
      let runs = 0;
      const a = runner(0, [
        {
          kind,
          concurrency: 1,
          maxAttempts: 2,
          async run() {
            runs += 1;
          },
          async onGiveUp(job, lastError) {
            gaveUp.push({ id: job.id, lastError });
          },
        },
      ]);
      const { id } = await a.enqueue(kind, {});
      // As if two runners had died while running it.
      await handles.databases[0].sql.query(
        `UPDATE jobs SET status = 'running', attempts = 2, lease_owner = 'dead',
           lease_expires_at = now() - interval '1 second' WHERE id = $1`,
        [id],
      );
      a.start();
      const lastError = "Interrupted 2 times (the server running it stopped); giving up.";
      expect(await settled(id)).toMatchObject({ status: "failed", attempts: 3, lastError });
      await a.drain();
      expect(gaveUp).toEqual([{ id, lastError }]);
      expect(runs).toBe(0);
    });

    it("keeps only what keepOnEnd leaves of a payload once the job ends, however it ends", async () => {
      const kind = newKind("secret");
      const seen: string[] = [];
      const a = runner(0, [
        {
          kind,
          concurrency: 4,
          async run(job: Job<{ token: string; outcome: string }>, context) {
            seen.push(job.payload.token); // the run itself still has it
            if (job.payload.outcome === "fail") throw new Error("failed on purpose");
            if (job.payload.outcome === "hang")
              await new Promise((resolve) => context.signal.addEventListener("abort", resolve));
          },
          keepOnEnd: ({ token: _, ...rest }) => rest,
        } as JobKind<{ token: string; outcome: string }> as JobKind<never>,
      ]);
      a.start();
      const ok = await a.enqueue(kind, { token: "t1", outcome: "ok" });
      const failed = await a.enqueue(kind, { token: "t2", outcome: "fail" });
      const hanging = await a.enqueue(kind, { token: "t3", outcome: "hang" });
      await waitFor(
        "the hanging job to start",
        async () => seen,
        (tokens) => tokens.includes("t3"),
      );
      const cancelled = await a.cancel(hanging.id);
      expect(cancelled?.payload).toEqual({ outcome: "hang" });
      for (const [id, status, outcome] of [
        [ok.id, "succeeded", "ok"],
        [failed.id, "failed", "fail"],
        [hanging.id, "cancelled", "hang"],
      ] as const) {
        expect(await settled(id)).toMatchObject({ status, payload: { outcome } });
        expect((await read(id))?.payload).not.toHaveProperty("token");
      }
      expect(seen.sort()).toEqual(["t1", "t2", "t3"]);
    });

    it("runs at most `concurrency` jobs of a kind at once; other kinds are not held up", async () => {
      const bounded = newKind("bounded");
      const other = newKind("other");
      let active = 0;
      let peak = 0;
      const release = deferred();
      const a = runner(0, [
        {
          kind: bounded,
          concurrency: 2,
          async run() {
            active += 1;
            peak = Math.max(peak, active);
            await release.promise;
            await sleep(10);
            active -= 1;
          },
        },
        { kind: other, concurrency: 1, run: async () => "not held up" },
      ]);
      a.start();
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) ids.push((await a.enqueue(bounded, { i })).id);
      await waitFor(
        "two running",
        async () => active,
        (n) => n === 2,
      );
      await sleep(150);
      expect(active).toBe(2);
      const rows = await Promise.all(ids.map((id) => read(id)));
      expect(rows.filter((row) => row?.status === "queued")).toHaveLength(4);
      const side = await a.enqueue(other, {});
      expect((await settled(side.id)).result).toBe("not held up");
      release.resolve();
      for (const id of ids) expect((await settled(id)).status).toBe("succeeded");
      expect(peak).toBe(2);
    });

    it("close lets running jobs finish and leaves waiting ones unleased for the next runner", async () => {
      const kind = newKind("close");
      const release = deferred();
      const a = runner(0, [{ kind, concurrency: 1, run: () => release.promise.then(() => "finished") }]);
      a.start();
      const running = await a.enqueue(kind, {});
      const waiting = await a.enqueue(kind, {});
      await waitFor(
        "the first running",
        () => read(running.id),
        (row) => row?.status === "running",
      );
      const closed = a.close();
      await sleep(50);
      release.resolve();
      await closed;
      expect(await read(running.id)).toMatchObject({ status: "succeeded", result: "finished" });
      expect(await read(waiting.id)).toMatchObject({ status: "queued", attempts: 0, leaseOwner: null });
      const b = runner(1, [{ kind, concurrency: 1, run: async () => "next runner" }], { pollMs: 600_000 });
      b.start();
      expect(await settled(waiting.id)).toMatchObject({ status: "succeeded", result: "next runner" });
    });

    it("writes a job together with the caller's other writes, or not at all", async () => {
      const kind = newKind("alongside");
      const a = runner(0, [{ kind, concurrency: 1, run: async () => undefined }]);
      await expect(
        a.enqueue(
          kind,
          {},
          {
            alongside: async () => {
              throw new Error("the other write failed");
            },
          },
        ),
      ).rejects.toThrow("the other write failed");
      const [count] = await handles.databases[0].sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE kind = $1",
        [kind],
      );
      expect(Number(count!.n)).toBe(0);
    });
  });
}
