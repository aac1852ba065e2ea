import { existsSync } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Makes sure `file` exists, building it at most once across concurrent processes: the builder
 * holds `<file>.lock`, writes `<file>.<pid>.tmp` and renames it, so readers never see half a file.
 */
export async function buildOnce(file: string, build: (path: string) => Promise<void>): Promise<void> {
  const lock = `${file}.lock`;
  while (!existsSync(file)) {
    const handle = await open(lock, "wx").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return undefined;
      throw error;
    });
    if (handle === undefined) {
      await waitForOtherBuilder(file, lock);
      continue;
    }
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await handle.writeFile(String(process.pid));
      await handle.close();
      // Another builder may have finished between our existence check and taking the lock.
      if (existsSync(file)) return;
      await build(temporary);
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
      await rm(lock, { force: true });
    }
  }
}

async function waitForOtherBuilder(file: string, lock: string): Promise<void> {
  while (!existsSync(file) && existsSync(lock)) {
    const owner = Number(await readFile(lock, "utf8").catch(() => ""));
    // A builder that died (crash, killed test run) leaves its lock behind; take over.
    if (owner > 0 && !isAlive(owner)) {
      await rm(lock, { force: true });
      return;
    }
    await sleep(100);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
