// Plain JavaScript so that it loads in any worker: the entry of every `workerPool` worker. It loads
// the pool's module, registering tsx first when the worker cannot load TypeScript by itself (under
// vitest, or the CLI's bin, which registers tsx in the main thread only; see decision 0002).
import { parentPort, workerData } from "node:worker_threads";

async function load() {
  try {
    return await import(workerData.module);
  } catch (error) {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    (await import("tsx/esm/api")).register();
    // A new URL: the failed load of the plain one stays cached.
    return import(`${workerData.module}?tsx`);
  }
}

const loaded = load();
parentPort.on("message", async (input) => {
  try {
    const output = await (await loaded).default(input);
    parentPort.postMessage({ output });
  } catch (error) {
    parentPort.postMessage({
      error: { name: error?.name ?? "Error", message: String(error?.message ?? error) },
    });
  }
});
