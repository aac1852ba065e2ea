import { humanSize } from "../models/human-size.ts";
import { createProgressReporter } from "../models/progress-reporter.ts";
import { pullModel } from "../models/pull-model.ts";

/** What shells report for a process ended by Ctrl-C (128 + SIGINT). */
const INTERRUPTED_EXIT_CODE = 130;

/**
 * `llama-stack-ts models pull <uri>`: progress on stderr, the local path on stdout so scripts can
 * capture it. Ctrl-C keeps the partial file; running the same command again resumes it.
 */
export async function modelsPullCommand(
  uri: string,
  modelsDir: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => {
    // A second Ctrl-C means "now": skip the orderly cancel.
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT_CODE);
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onInterrupt);
  const reporter = createProgressReporter({ stream: process.stderr });
  try {
    const path = await pullModel({
      uri,
      modelsDir,
      env,
      signal: controller.signal,
      onStart: (fileName, totalSize) =>
        process.stderr.write(
          `Downloading ${fileName}${totalSize > 0 ? ` (${humanSize(totalSize)})` : ""} into ${modelsDir}\n`,
        ),
      onProgress: (progress) => reporter.update(progress),
    });
    reporter.finish(true);
    process.stdout.write(`${path}\n`);
    return 0;
  } catch (error) {
    reporter.finish(false);
    if (!controller.signal.aborted) throw error;
    process.stderr.write("Interrupted. The partial download is kept; run the same command to resume.\n");
    // The downloader leaves stalled connections open after a cancel; they must not hold the process.
    setTimeout(() => process.exit(INTERRUPTED_EXIT_CODE), 1000).unref();
    return INTERRUPTED_EXIT_CODE;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}
