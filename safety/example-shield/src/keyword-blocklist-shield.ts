import { defineShield, messageText } from "@llama-stack-ts/provider-kit";
import { z } from "zod";

/**
 * A custom shield in a few lines: flags any message that contains a listed word. Name this file
 * with `module:` in a run config (see README.md); `defineShield` adds `on_error` and `touchpoints`.
 */
export default defineShield({
  type: "inline::keyword-blocklist",
  description: "Flags messages that contain a word from a list.",
  configSchema: z.strictObject({
    words: z.array(z.string().min(1)).min(1),
    level: z.enum(["info", "warn", "error"]).default("error"),
  }),
  create({ config }) {
    const escaped = config.words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`\\b(${escaped.join("|")})\\b`, "i");
    const findWord = (text: string) => pattern.exec(text)?.[1]?.toLowerCase();
    return {
      async run(messages) {
        const word = messages
          .map((message) => findWord(messageText(message.content, { separator: "\n" })))
          .find(Boolean);
        if (!word) return null;
        return {
          violation_level: config.level,
          user_message: "Sorry, that message contains a blocked word.",
          metadata: { violation_type: "blocked_word", word },
        };
      },
      async moderate(inputs) {
        return inputs.map((input) => {
          const word = findWord(input);
          return {
            flagged: word !== undefined,
            categories: { blocked_word: word !== undefined },
            category_scores: { blocked_word: word === undefined ? 0 : 1 },
            user_message: word === undefined ? null : "Sorry, that text contains a blocked word.",
            metadata: word === undefined ? {} : { word },
          };
        });
      },
    };
  },
});
