import { describe, expect, it } from "vitest";
import { lexCode } from "./lex-code.ts";

describe("lexCode", () => {
  it("keeps all three views the same length and line structure", () => {
    const code = 'x = "a # b"  # note\ny = f"{v}"\n';
    const lexed = lexCode(code, "python");
    expect(lexed.noComments).toHaveLength(code.length);
    expect(lexed.codeOnly).toHaveLength(code.length);
    expect(lexed.codeOnly.split("\n")).toHaveLength(code.split("\n").length);
  });

  it("blanks python comments but not a # inside a string, and spots f-string interpolation", () => {
    const lexed = lexCode('x = "a # b"  # note\ny = f"{v}" + f"{{literal}}"', "python");
    expect(lexed.noComments).toContain('"a # b"');
    expect(lexed.noComments).not.toContain("note");
    expect(lexed.codeOnly).toContain('x = "     "');
    expect(lexed.strings.map((s) => [s.prefix, s.interpolated])).toEqual([
      ["", false],
      ["f", true],
      ["f", false],
    ]);
  });

  it("treats a python docstring as a comment but keeps an assigned triple-quoted string", () => {
    const lexed = lexCode('def f():\n    """Calls eval(x)."""\n    q = """SELECT 1"""', "python");
    expect(lexed.noComments).not.toContain("eval");
    expect(lexed.noComments).toContain("SELECT 1");
    expect(lexed.strings).toHaveLength(1);
  });

  it("steps over nested templates and comments in javascript", () => {
    const code = "const a = `x ${`y ${z}`} w`; // c\n/* eval(b) */ const b = 'it\\'s';";
    const lexed = lexCode(code, "javascript");
    expect(lexed.noComments).not.toContain("eval");
    expect(lexed.strings.map((s) => [s.quote, s.interpolated])).toEqual([
      ["`", true],
      ["'", false],
    ]);
    expect(lexed.codeOnly).toContain("const b = '     ';");
  });

  it("only treats # as a shell comment at a word start", () => {
    const lexed = lexCode('echo "${#items[@]}" $# # count\nx="$HOME/a"', "shell");
    expect(lexed.noComments).toContain("$#");
    expect(lexed.noComments).not.toContain("count");
    expect(lexed.strings.map((s) => s.interpolated)).toEqual([true, true]);
  });

  it("handles SQL '' escapes and -- comments", () => {
    const lexed = lexCode("SELECT 'O''Brien' -- who\nFROM t;", "sql");
    expect(lexed.strings).toHaveLength(1);
    expect(lexed.raw.slice(lexed.strings[0]?.contentStart, lexed.strings[0]?.contentEnd)).toBe("O''Brien");
    expect(lexed.noComments).not.toContain("who");
  });
});
