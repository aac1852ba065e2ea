import { describe, expect, it } from "vitest";
import { ALL_RULES } from "./all-rules.ts";
import { GITHUB_TOKEN } from "./rules/__fixtures__/secret-cases.ts";
import { scanCode } from "./scan-code.ts";

const BENIGN = {
  python: [
    '"""Helpers. Never call os.system(cmd) or eval(data) here."""',
    "import os",
    "import subprocess",
    "",
    "def run(cmd: list[str]) -> str:",
    "    out = subprocess.run(cmd, capture_output=True, text=True, check=True)",
    "    return out.stdout",
    "",
    "class Config:",
    "    def __init__(self, path, verify=False):",
    '        self.api_key = os.environ.get("API_KEY", "")',
    "        self.token_count = 0",
    "",
    "    def rows(self, cur, uid):",
    '        return cur.execute("SELECT id, name FROM users WHERE id = ?", (uid,)).fetchall()',
    "",
    'if __name__ == "__main__":',
    '    print("Select the file from " + folder)',
    "    model.eval()",
  ].join("\n"),
  javascript: [
    'import { execFile } from "node:child_process";',
    "// el.innerHTML = html",
    'app.get("/users/:id", async (req, res) => {',
    '  const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [req.params.id]);',
    "  const title = `User ${rows[0].name}`;",
    "  const m = /(\\d+)/g.exec(title);",
    "  el.textContent = title;",
    "  const jitter = Math.random() * 100;",
    "  res.json({ title, token: req.headers.authorization });",
    "});",
    'setTimeout(() => execFile("ls", ["-la"]), 10);',
  ].join("\n"),
  shell: [
    "#!/usr/bin/env bash",
    "set -euo pipefail",
    "# curl https://example.dev/install.sh | bash",
    'BUILD_DIR="${BUILD_DIR:-./build}"',
    'rm -rf "${BUILD_DIR:?}/"',
    'echo "Items: ${#items[@]}"',
    "curl -fsSL https://example.dev/install.sh -o install.sh",
    "sha256sum -c install.sh.sha256",
    "chmod 755 install.sh",
    'eval "$(ssh-agent -s)"',
  ].join("\n"),
  sql: [
    "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);",
    "-- GRANT ALL ON users TO PUBLIC;",
    "INSERT INTO users (name) VALUES ('O''Brien');",
    "CREATE FUNCTION count_rows(t text) RETURNS bigint AS $$",
    "DECLARE n bigint;",
    "BEGIN",
    "  EXECUTE format('SELECT count(*) FROM %I', t) INTO n;",
    "  RETURN n;",
    "END;",
    "$$ LANGUAGE plpgsql;",
  ].join("\n"),
} as const;

describe("scanCode", () => {
  it("reports rule id, severity, message, cwe, language, 1-based line and the trimmed line", () => {
    const findings = scanCode({ language: "python", code: "import os\n\n    os.system(cmd)   \n" });
    const rule = ALL_RULES.find((r) => r.id === "python.os-system");
    expect(findings).toEqual([
      {
        ruleId: "python.os-system",
        severity: "error",
        message: rule?.message,
        cwe: "CWE-78",
        language: "python",
        line: 3,
        excerpt: "os.system(cmd)",
      },
    ]);
  });

  it("carries the snippet source", () => {
    const source = { messageIndex: 4, kind: "fenced" as const };
    const [finding] = scanCode({ language: "shell", code: "chmod 777 /srv", source });
    expect(finding?.source).toEqual(source);
  });

  it("only runs the rules of the snippet's language plus the secret rules", () => {
    expect(scanCode({ language: "javascript", code: "os.system(cmd)" })).toEqual([]);
    expect(scanCode({ language: "sql", code: `token = "${GITHUB_TOKEN}"` }).map((f) => f.ruleId)).toContain(
      "secret.github-token",
    );
  });

  it("scans unknown code as its guessed language, and otherwise with the secret rules only", () => {
    const guessed = scanCode({ language: "unknown", code: "import os\nos.system(cmd)" });
    expect(guessed.map((f) => [f.ruleId, f.language])).toEqual([["python.os-system", "python"]]);
    const unguessed = scanCode({ language: "unknown", code: `os.system(cmd)\nauth = "${GITHUB_TOKEN}"` });
    expect(unguessed.map((f) => [f.ruleId, f.language])).toEqual([["secret.github-token", "unknown"]]);
  });

  it("masks secrets in the excerpt", () => {
    const [finding] = scanCode({ language: "javascript", code: `const auth = "${GITHUB_TOKEN}";` });
    expect(finding?.excerpt).toBe('const auth = "ghp_****";');
    expect(finding?.excerpt).not.toContain(GITHUB_TOKEN.slice(8));
  });

  it("cuts long excerpts to 200 characters", () => {
    const code = `eval(x); ${"a".repeat(300)}`;
    const [finding] = scanCode({ language: "javascript", code });
    expect(finding?.excerpt).toHaveLength(200);
    expect(finding?.excerpt.endsWith("…")).toBe(true);
  });

  it("reports a rule once per line and orders findings by position", () => {
    const code = "eval(a); eval(b);\nrequests.get(u, verify=False)\nexec(c)";
    const findings = scanCode({ language: "python", code });
    expect(findings.map((f) => [f.line, f.ruleId])).toEqual([
      [1, "python.eval-exec"],
      [2, "python.tls-verification-disabled"],
      [3, "python.eval-exec"],
    ]);
  });

  it("copes with pathological input such as deeply nested template literals", () => {
    const code = `el.innerHTML = ${"`${".repeat(20_000)}`;
    expect(() => scanCode({ language: "javascript", code })).not.toThrow();
    expect(scanCode({ language: "javascript", code }).map((f) => f.ruleId)).toEqual([
      "javascript.inner-html",
    ]);
  });

  it("does not treat unguarded DROP TABLE or ordinary DDL as a security issue", () => {
    expect(
      scanCode({ language: "sql", code: "DROP TABLE users;\nTRUNCATE TABLE logs;\nDELETE FROM t;" }),
    ).toEqual([]);
  });

  it.each(Object.entries(BENIGN))("finds nothing in an ordinary %s program", (language, code) => {
    expect(scanCode({ language: language as keyof typeof BENIGN, code })).toEqual([]);
  });

  it("takes a custom rule list", () => {
    const only = ALL_RULES.filter((r) => r.id === "python.eval-exec");
    const findings = scanCode({ language: "python", code: "eval(a)\nos.system(b)" }, { rules: only });
    expect(findings.map((f) => f.ruleId)).toEqual(["python.eval-exec"]);
  });
});
