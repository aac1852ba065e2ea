import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("../native/read-bandwidth.c", import.meta.url));

/**
 * Single-thread DRAM read bandwidth, measured by a small C loop compiled for this CPU (llama.cpp's
 * kernels read at native speed; a JavaScript loop would understate it several times). Falls back
 * to Buffer.copy when no C compiler is installed, and says so.
 */
export function measureBandwidth(): { gbs: number; method: string } {
  try {
    const binary = join(mkdtempSync(join(tmpdir(), "lsts-bw-")), "read-bandwidth");
    execFileSync("cc", ["-O3", "-march=native", "-o", binary, SOURCE], { stdio: "pipe" });
    return {
      gbs: Number(execFileSync(binary, { encoding: "utf8" }).trim()),
      method: "C sum loop, 1 GiB, 1 thread",
    };
  } catch {
    const bytes = 512 * 1024 * 1024;
    const a = Buffer.alloc(bytes, 1);
    const b = Buffer.alloc(bytes);
    const started = performance.now();
    a.copy(b);
    return {
      gbs: (2 * bytes) / ((performance.now() - started) / 1000) / 1e9,
      method: "Buffer.copy (no C compiler; understates)",
    };
  }
}
