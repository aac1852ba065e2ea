import { defineShield } from "@llama-stack-ts/provider-kit";
import { CodeScannerConfigSchema } from "./code-scanner-config.ts";
import { scanMessages } from "./scan-messages.ts";
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
    const options = { minSeverity: config.min_severity, disabledRules: config.disabled_rules };
    return {
      async run(messages) {
        return toViolation(scanMessages(messages, options).findings);
      },
      async moderate(inputs) {
        return inputs.map((input) =>
          toModerationResult(scanMessages([{ role: "user", content: input }], options).findings),
        );
      },
      async health() {
        return { status: "OK" };
      },
    };
  },
});
