/** How one run ended: it finished (its own errors included), or the sandbox stopped it. */
export type ExecutionOutcome =
  | {
      kind: "finished";
      /** `completed`, `failed` (an uncaught error), or `exited with code N`. */
      status: string;
      stdout: string;
      stderr: string;
      /** Output past the cap was dropped. */
      truncated: boolean;
    }
  | {
      kind: "timed-out" | "out-of-memory" | "crashed";
      message: string;
    };
