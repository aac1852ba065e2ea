import { type ApiCall, TOOL_ERROR, type ToolInvocationResult } from "@llama-stack-ts/api";
import type { SafetyRouter } from "../safety/safety-router.ts";

/**
 * A tool's output read by the shields guarding `tool_results` (Prompt Guard against injected
 * instructions, the code scanner…) before a model or a client sees it. An `error` violation
 * replaces the output with a tool error that says which shield stopped it; milder findings ride
 * along in `metadata.safety_violations`.
 */
export async function guardToolResult(
  result: ToolInvocationResult,
  context: { toolName: string; safety: SafetyRouter; call: ApiCall },
): Promise<ToolInvocationResult> {
  const text = textOf(result);
  if (!text) return result;
  const shields = await context.safety.shieldsFor("tool_results", context.call);
  const findings: Record<string, unknown>[] = [];
  for (const shield of shields) {
    const { violation } = await context.safety.runShield(
      {
        shield_id: shield.identifier,
        messages: [{ role: "tool", tool_call_id: context.toolName, content: text }],
      },
      context.call,
    );
    if (!violation) continue;
    if (violation.violation_level === "error") {
      return {
        error_code: TOOL_ERROR.blocked,
        error_message: `The output of tool '${context.toolName}' was blocked by shield '${shield.identifier}'${
          violation.user_message ? `: ${violation.user_message}` : "."
        }`,
        metadata: { ...result.metadata, shield_id: shield.identifier, violation },
      };
    }
    findings.push({ shield_id: shield.identifier, ...violation });
  }
  return findings.length
    ? { ...result, metadata: { ...result.metadata, safety_violations: findings } }
    : result;
}

function textOf(result: ToolInvocationResult): string {
  const { content } = result;
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  return content
    .map((item) =>
      item.type === "text" ? item.text : item.type === "resource" ? (item.resource.text ?? "") : "",
    )
    .filter(Boolean)
    .join("\n");
}
