import { CATEGORY_NAMES, type CategoryCode, categoryNumber } from "./categories.ts";
import { GuardInputError } from "./guard-input-error.ts";
import type { GuardTurn } from "./guard-turn.ts";

/**
 * - `llama-stack` (default): every turn and `$agent_type` are the role capitalised (`User`,
 *   `Assistant`, `Tool`, `System`), as llama-stack's shield does; use it for parity.
 * - `official`: Meta's template (model card, HF chat template): assistant turns are labelled `Agent`
 *   and `$agent_type` is `Agent` when the last turn is the assistant's, else `User`. Other roles keep
 *   their capitalised name.
 */
export type GuardPromptTemplate = "llama-stack" | "official";

export interface BuildGuardPromptOptions {
  turns: readonly GuardTurn[];
  /** The categories to list, e.g. from `activeCategories`; rendered in code order. */
  categories: readonly CategoryCode[];
  /** Overrides `$agent_type`; by default it is the last turn's label (see `GuardPromptTemplate`). */
  agentType?: string;
  template?: GuardPromptTemplate;
}

/**
 * The Llama Guard 3 task block (one user message, no trailing newline). Kept verbatim from the
 * reference template, including its oddities: "according our", the quotes around the first
 * `$agent_type`, and the space before each " - ".
 */
export function buildGuardPrompt(options: BuildGuardPromptOptions): string {
  const { turns, categories, template = "llama-stack" } = options;
  const last = turns.at(-1);
  if (!last) throw new GuardInputError("a Llama Guard prompt needs at least one turn", "messages");
  if (categories.length === 0) throw new Error("a Llama Guard prompt needs at least one category");
  const agentType = options.agentType ?? turnLabel(last.role, template);
  const categoryLines = [...new Set(categories)]
    .sort((a, b) => categoryNumber(a) - categoryNumber(b))
    .map((code) => `${code}: ${CATEGORY_NAMES[code]}.`)
    .join("\n");
  const conversation = turns.map((turn) => `${turnLabel(turn.role, template)}: ${turn.text}`).join("\n\n");
  // Plain concatenation: user text containing "$agent_type" or "$&" must stay literal.
  return (
    `Task: Check if there is unsafe content in '${agentType}' messages in conversations according our safety policy with the below categories.\n` +
    "\n" +
    "<BEGIN UNSAFE CONTENT CATEGORIES>\n" +
    `${categoryLines}\n` +
    "<END UNSAFE CONTENT CATEGORIES>\n" +
    "\n" +
    "<BEGIN CONVERSATION>\n" +
    "\n" +
    `${conversation}\n` +
    "\n" +
    "<END CONVERSATION>\n" +
    "\n" +
    `Provide your safety assessment for ONLY THE LAST ${agentType} message in the above conversation:\n` +
    " - First line must read 'safe' or 'unsafe'.\n" +
    " - If unsafe, a second line must include a comma-separated list of violated categories."
  );
}

/** `assistant` → `Assistant` (Python `str.capitalize`), or `Agent` with the official template. */
export function turnLabel(role: string, template: GuardPromptTemplate = "llama-stack"): string {
  if (template === "official" && role === "assistant") return "Agent";
  return role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
}

/** The chat request for the guard model: the block as one user turn, no system message. */
export function guardChatMessages(prompt: string): [{ role: "user"; content: string }] {
  return [{ role: "user", content: prompt }];
}
