import type { RuleCase } from "./rule-case.ts";

const js = (ruleId: string, positives: string[], negatives: string[]): RuleCase => ({
  ruleId,
  language: "javascript",
  positives,
  negatives,
});

export const JAVASCRIPT_CASES: readonly RuleCase[] = [
  js(
    "javascript.child-process-exec",
    [
      "exec(`git clone ${repoUrl}`, callback);",
      'child_process.execSync("rm -rf " + dir);',
      'require("child_process").exec(cmd);',
      "spawn(command, { shell: true });",
    ],
    [
      'execFile("git", ["clone", repoUrl], callback);',
      'exec("ls -la", callback);',
      "const m = /a(b)/.exec(input);",
      'spawn("ls", ["-la", dir]);',
      "// exec(`git clone ${repoUrl}`)",
      "class Statement {\n  exec(type, data) {\n    return this.run(type, data);\n  }\n}",
      "function exec(command: string): Promise<void> {\n  return run(command);\n}",
    ],
  ),
  js(
    "javascript.eval",
    ["const result = eval(req.body.expression);", "window.eval(code);"],
    ['const four = eval("2 + 2");', "const data = JSON.parse(body);", "evaluator.eval(node);"],
  ),
  js(
    "javascript.new-function",
    ['const fn = new Function("x", body);', "const f = new Function(`return ${expr}`);"],
    [
      'const globalObject = new Function("return this")();',
      'const add = new Function("a", "b", "return a + b");',
    ],
  ),
  js(
    "javascript.string-timer",
    ['setTimeout("refresh()", 1000);', 'setInterval("tick(" + n + ")", 10);'],
    ["setTimeout(() => refresh(), 1000);", "setTimeout(refresh, 1000);"],
  ),
  js(
    "javascript.vm-untrusted-code",
    ["vm.runInNewContext(userCode, sandbox);", "const script = new vm.Script(source);"],
    [
      'vm.runInNewContext("1 + 1", {});',
      'const script = new vm.Script("x = 1");',
      "const sandbox = {\n  runInContext(code, context) {\n    return compile(code)(context);\n  },\n};",
    ],
  ),
  js(
    "javascript.tls-verification-disabled",
    [
      "const req = https.request({ host, port: 443, rejectUnauthorized: false });",
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";',
      "const agent = new https.Agent({ checkServerIdentity: () => undefined });",
    ],
    [
      "const req = https.request({ host, rejectUnauthorized: true });",
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";',
      "// rejectUnauthorized: false",
    ],
  ),
  js(
    "javascript.weak-hash",
    [
      'const digest = crypto.createHash("md5").update(password).digest("hex");',
      "createHash('SHA1')",
      "CryptoJS.MD5(text)",
    ],
    ['const digest = crypto.createHash("sha256").update(password).digest("hex");'],
  ),
  js(
    "javascript.weak-cipher",
    [
      'const c = crypto.createCipheriv("des-ede3-cbc", key, iv);',
      'const c = crypto.createCipheriv("aes-128-ecb", key, null);',
      'const c = crypto.createCipher("aes192", password);',
      "CryptoJS.DES.encrypt(message, key);",
    ],
    [
      'const c = crypto.createCipheriv("aes-256-gcm", key, iv);',
      'const d = crypto.createDecipheriv("aes-256-gcm", key, iv);',
    ],
  ),
  js(
    "javascript.insecure-random-secret",
    [
      "const token = Math.random().toString(36).slice(2);",
      "function generatePassword() {\n  let out = '';\n  for (let i = 0; i < 12; i++) out += chars[Math.floor(Math.random() * chars.length)];\n  return out;\n}",
    ],
    ["const delay = Math.random() * 1000;", "const token = crypto.randomBytes(32).toString('hex');"],
  ),
  js(
    "javascript.sql-string-building",
    [
      "const rows = await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);",
      'const q = "SELECT * FROM users WHERE name = \'" + name + "\'";',
      'connection.query("DELETE FROM sessions WHERE user_id = " + userId);',
    ],
    [
      'const rows = await db.query("SELECT * FROM users WHERE id = $1", [id]);',
      "const rows = await sql`SELECT * FROM users WHERE id = ${id}`;",
      'const message = "Select one from the list: " + items;',
    ],
  ),
  js(
    "javascript.inner-html",
    [
      "el.innerHTML = userComment;",
      "list.innerHTML += `<li>${item}</li>`;",
      'document.write("<p>" + msg + "</p>");',
      "el.insertAdjacentHTML('beforeend', html);",
    ],
    [
      'el.innerHTML = "";',
      "el.textContent = userComment;",
      "el.innerHTML = DOMPurify.sanitize(html);",
      "if (el.innerHTML === html) return;",
      "el.insertAdjacentHTML('beforeend', '<hr>');",
    ],
  ),
  js(
    "javascript.dangerously-set-inner-html",
    [
      "return <div dangerouslySetInnerHTML={{ __html: post.body }} />;",
      "React.createElement('div', { dangerouslySetInnerHTML: markup });",
    ],
    [
      "return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(post.body) }} />;",
      "return <div>{post.body}</div>;",
      'return <div dangerouslySetInnerHTML={{ __html: "<br/>" }} />;',
    ],
  ),
];
