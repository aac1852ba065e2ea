import { defineShield } from "@llama-stack-ts/provider-kit";
import {
  CodeScannerConfigSchema,
  DEFAULT_OFF_THREAD_CHARS,
  DEFAULT_SCAN_TIMEOUT_MS,
} from "./code-scanner-config.ts";
import { messageScanner } from "./message-scanner.ts";
import { toModerationResult } from "./to-moderation-result.ts";
import { toViolation } from "./to-violation.ts";

/**
 * `inline::code-scanner`: static rules over the code in messages (fenced blocks, tool-call
 * arguments, `<|python_tag|>` code, messages that are code). No model, so — unlike upstream, which
 * only registers the shield ids `code-scanner` and `code-shield` — any `provider_resource_id` works.
 *
 * @example
 * # run config
 * safety:
 *   - provider_id: code-scanner
 *     provider_type: inline::code-scanner
 *     config: { min_severity: error, disabled_rules: ["secret.*"] }
 */
export const codeScannerShield = defineShield({
  type: "inline::code-scanner",
  description:
    "Flags insecure code (shell injection, eval, weak crypto, secrets…) in messages with static rules.",
  configSchema: CodeScannerConfigSchema,
  create({ config }) {
    const scanner = messageScanner(
      { minSeverity: config.min_severity, disabledRules: config.disabled_rules },
      {
        offThreadChars: config.off_thread_chars ?? DEFAULT_OFF_THREAD_CHARS,
        timeoutMs: config.scan_timeout_ms ?? DEFAULT_SCAN_TIMEOUT_MS,
      },
    );
    return {
      async run(messages) {
        return toViolation(await scanner.scan(messages));
      },
      async moderate(inputs) {
        const results = inputs.map(async (input) =>
          toModerationResult(await scanner.scan([{ role: "user", content: input }])),
        );
        return Promise.all(results);
      },
      async health() {
        return { status: "OK" };
      },
      async shutdown() {
        await scanner.close();
      },
    };
  },
});
