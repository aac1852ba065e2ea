import { describe, expect, it } from "vitest";
import { isPlaceholderSecret } from "./is-placeholder-secret.ts";

describe("isPlaceholderSecret", () => {
  it.each([
    "",
    "changeme",
    "CHANGE_ME",
    "<your-api-key>",
    "${API_KEY}",
    "{{ secrets.TOKEN }}",
    "{password}",
    "$DB_PASSWORD",
    "your_token_here",
    "********",
    "xxxxxxxxxxxx",
    "ghp_xxxxxxxxxxxxxxxxxxxx",
    "AKIAIOSFODNN7EXAMPLE",
    "password",
    "sk-...",
    "replace-me",
  ])("treats %s as a placeholder", (value) => {
    expect(isPlaceholderSecret(value)).toBe(true);
  });

  it.each(["hunter22", "Tr0ub4dor&3", "s3cr3tP4ss", "9f8e7d6c5b4a3210", "admin123"])(
    "treats %s as real",
    (value) => {
      expect(isPlaceholderSecret(value)).toBe(false);
    },
  );
});
