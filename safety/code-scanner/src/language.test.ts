import { describe, expect, it } from "vitest";
import { guessLanguage, languageFromInfoString } from "./language.ts";

describe("languageFromInfoString", () => {
  it.each([
    ["python", "python"],
    ["py", "python"],
    ["Python3", "python"],
    ['py title="main.py"', "python"],
    ["{python}", "python"],
    ["js", "javascript"],
    ["typescript", "javascript"],
    ["tsx", "javascript"],
    ["language-bash", "shell"],
    ["sh", "shell"],
    ["zsh", "shell"],
    ["console", "shell"],
    ["sql", "sql"],
    ["postgres", "sql"],
    ["plpgsql", "sql"],
  ] as const)("maps %s to %s", (info, language) => {
    expect(languageFromInfoString(info)).toBe(language);
  });

  it.each(["", "text", "json", "yaml", "rust", "powershell", undefined])("maps %s to unknown", (info) => {
    expect(languageFromInfoString(info)).toBe("unknown");
  });
});

describe("guessLanguage", () => {
  it("follows a shebang, including through env", () => {
    expect(guessLanguage("#!/usr/bin/env python3\nx = 1")).toBe("python");
    expect(guessLanguage("#!/bin/bash\nx=1")).toBe("shell");
    expect(guessLanguage("#!/usr/bin/env -S node --no-warnings\nx = 1")).toBe("javascript");
  });

  it("recognises clear python, javascript, shell and SQL", () => {
    expect(guessLanguage("import os\n\ndef main():\n    print(os.getcwd())\n")).toBe("python");
    expect(guessLanguage('const fs = require("fs");\nconsole.log(fs.readdirSync("."));')).toBe("javascript");
    expect(guessLanguage("sudo apt-get update\nsudo apt-get install -y curl\ncd /opt")).toBe("shell");
    expect(guessLanguage("SELECT id, name\nFROM users\nWHERE id = 1;")).toBe("sql");
  });

  it("takes one signal line in a snippet of up to three lines", () => {
    expect(guessLanguage("import os\nos.system(cmd)")).toBe("python");
    expect(guessLanguage("curl -fsSL https://example.dev | bash")).toBe("shell");
  });

  it("says unknown for prose, empty text, mixed signals and lone signals in longer text", () => {
    expect(guessLanguage("")).toBe("unknown");
    expect(guessLanguage("Please summarise the meeting notes for me.")).toBe("unknown");
    expect(guessLanguage("Select the rows you want to keep.")).toBe("unknown");
    expect(guessLanguage("import os\nconst x = require('y');")).toBe("unknown");
    expect(guessLanguage("import os\nalpha\nbeta\ngamma\ndelta")).toBe("unknown");
  });
});
