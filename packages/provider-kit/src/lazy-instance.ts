import type { Logger, ProviderInstance } from "@llama-stack-ts/api";

export interface LazyInstanceOptions {
  /** Start loading this long after creation, in the background, so the first request rarely waits. Omit: load on first use only. */
  warmUpAfterMs?: number;
  logger: Logger;
  /** What the log calls it when the background load fails. */
  name: string;
}

export interface LazyInstance<T extends ProviderInstance> {
  /** The instance, loading it on first call; every caller shares one load. */
  get(): Promise<T>;
  /** Whether a load has started. */
  readonly started: boolean;
  /** Stop a pending warm-up and shut the instance down if it was loaded. */
  shutdown(): Promise<void>;
}

/**
 * A provider instance whose heavy code (an engine, an ONNX runtime) is imported on first use, so
 * start-up does not wait for it.
 *
 * @example
 * const engine = lazyInstance(() => import("./engine.ts").then((m) => m.createEngine(config)), { logger, name: "engine", warmUpAfterMs: 250 });
 * return { run: async (input) => (await engine.get()).run(input), shutdown: () => engine.shutdown() };
 */
export function lazyInstance<T extends ProviderInstance>(
  load: () => Promise<T>,
  options: LazyInstanceOptions,
): LazyInstance<T> {
  let loading: Promise<T> | undefined;
  let closed = false;
  const get = () => {
    loading ??= load();
    return loading;
  };
  const warmUp =
    options.warmUpAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          if (!closed)
            void get().catch((error: unknown) =>
              options.logger.error(`${options.name} failed to load`, { error }),
            );
        }, options.warmUpAfterMs);
  warmUp?.unref();
  return {
    get,
    get started() {
      return loading !== undefined;
    },
    async shutdown() {
      closed = true;
      if (warmUp) clearTimeout(warmUp);
      const instance = await loading?.catch(() => undefined);
      await instance?.shutdown?.();
    },
  };
}
