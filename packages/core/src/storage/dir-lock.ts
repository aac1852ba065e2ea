import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { ConflictError } from "@llama-stack-ts/api";

const LOCK_NAME = ".llama-stack-ts.lock";

/** An exclusive pid lock on a directory; a lock left by a dead process is taken over. */
export async function acquireDirLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new ConflictError(
          `Data directory ${dir} is in use by process ${holder}. Stop it, or pass another --data-dir.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new ConflictError(`Could not lock data directory ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
