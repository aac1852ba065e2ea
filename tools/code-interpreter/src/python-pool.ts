import type { ExecutionOutcome } from "./execution-outcome.ts";
import { type PythonWorkerOptions, PythonWorkerProcess } from "./python-worker-process.ts";

export interface PythonPoolOptions extends PythonWorkerOptions {
  size: number;
  maxCallsPerWorker: number;
}

/**
 * Keeps `size` booted Python processes ready. A call takes an idle one (or waits for one); a
 * process that timed out, crashed, was killed or reached its call limit is replaced at once.
 */
export class PythonPool {
  #idle: PythonWorkerProcess[] = [];
  #all = new Set<PythonWorkerProcess>();
  #waiters: ((worker: PythonWorkerProcess) => void)[] = [];
  #closed = false;

  constructor(private readonly options: PythonPoolOptions) {
    for (let i = 0; i < options.size; i++) this.#start();
  }

  /** Resolves when every process of the pool has booted. */
  async warm(): Promise<void> {
    await Promise.all([...this.#all].map((worker) => worker.ready));
  }

  /** The processes currently held (for resident-memory figures). */
  get workers(): readonly PythonWorkerProcess[] {
    return [...this.#all];
  }

  async run(code: string, timeoutMs: number, signal?: AbortSignal): Promise<ExecutionOutcome> {
    const worker = await this.#take(signal);
    try {
      return await worker.run(code, timeoutMs, signal);
    } finally {
      this.#give(worker);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#all].map((worker) => worker.kill()));
  }

  #start(): void {
    const worker = new PythonWorkerProcess(this.options);
    this.#all.add(worker);
    worker.ready.then(
      () => this.#give(worker),
      () => {
        // A process that cannot boot is dropped; retrying at once would spin on a broken install.
        this.#all.delete(worker);
      },
    );
  }

  #take(signal?: AbortSignal): Promise<PythonWorkerProcess> {
    signal?.throwIfAborted();
    for (let worker = this.#idle.pop(); worker; worker = this.#idle.pop()) {
      if (worker.alive) return Promise.resolve(worker);
      this.#give(worker); // died while idle (memory watch): replaced
    }
    if (this.#all.size === 0 && !this.#closed) this.#start();
    return new Promise((resolve, reject) => {
      const waiter = (taken: PythonWorkerProcess) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(taken);
      };
      const onAbort = () => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  #give(worker: PythonWorkerProcess): void {
    if (!worker.alive || worker.calls >= this.options.maxCallsPerWorker || this.#closed) {
      this.#all.delete(worker);
      void worker.kill();
      if (!this.#closed) this.#start();
      return;
    }
    const waiter = this.#waiters.shift();
    if (waiter) waiter(worker);
    else this.#idle.push(worker);
  }
}
