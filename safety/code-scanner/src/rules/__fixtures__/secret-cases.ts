import type { RuleCase } from "./rule-case.ts";

/** Built at runtime so the repository itself holds no token-shaped literals. */
const fake = (prefix: string, body: string, length: number) =>
  prefix + body.repeat(Math.ceil(length / body.length)).slice(0, length);

export const GITHUB_TOKEN = fake("ghp_", "R8xK2mQ9vLw4Tz7N", 36);
export const SLACK_TOKEN = `xoxb-2048117215-1234567890123-${fake("", "AbCdEfGh7Jk", 24)}`;
export const OPENAI_KEY = fake("sk-proj-", "Qw3rTy8uI0pAs6dF", 48);
export const GOOGLE_KEY = fake("AIza", "Sy9Lm2Nb4Vc6Xz8K", 35);
export const AWS_KEY_ID = `${"AKIA"}Z3MHQ7TXR4EXLKQP`;
const SLACK_WEBHOOK = `https://hooks.slack.com/services/${"T0ABC1234"}/B0DEF5678/aZ9xY8wV7uT6sR5qP4oN3mL2`;
const PEM_BODY = fake("", "MIIEowIBAAKCAQEAx9fK3mQ2vLw8Tz7Nr4bY", 64);

export const SECRET_CASES: readonly RuleCase[] = [
  {
    ruleId: "secret.aws-access-key-id",
    language: "python",
    positives: [`aws_access_key_id = "${AWS_KEY_ID}"`, `export AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`],
    negatives: [
      'aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"',
      'aws_access_key_id = os.environ["AWS_ACCESS_KEY_ID"]',
    ],
  },
  {
    ruleId: "secret.private-key",
    language: "unknown",
    positives: [`-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`],
    negatives: [
      `-----BEGIN PUBLIC KEY-----\n${PEM_BODY}\n-----END PUBLIC KEY-----`,
      'if pem.startswith("-----BEGIN RSA PRIVATE KEY-----"):\n    kind = "rsa"',
      "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
    ],
  },
  {
    ruleId: "secret.github-token",
    language: "javascript",
    positives: [`const octokit = new Octokit({ auth: "${GITHUB_TOKEN}" });`],
    negatives: [
      `const octokit = new Octokit({ auth: "ghp_${"x".repeat(36)}" });`,
      "const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });",
    ],
  },
  {
    ruleId: "secret.slack-token",
    language: "python",
    positives: [`client = WebClient(token="${SLACK_TOKEN}")`, `URL = "${SLACK_WEBHOOK}"`],
    negatives: [
      'client = WebClient(token="xoxb-your-bot-token-here")',
      'client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])',
    ],
  },
  {
    ruleId: "secret.provider-api-key",
    language: "python",
    positives: [`client = OpenAI(api_key="${OPENAI_KEY}")`, `GOOGLE_API_KEY = "${GOOGLE_KEY}"`],
    negatives: ['client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])', 'client = OpenAI(api_key="sk-...")'],
  },
  {
    ruleId: "secret.hardcoded-credential",
    language: "python",
    positives: [
      'password = "Tr0ub4dor&3"',
      'DB_PASSWORD = "s3cr3tP4ss"',
      'conn = psycopg.connect(host="db", user="app", password="Xk9vLq2pR7")',
      'os.environ["API_KEY"] = "9f8e7d6c5b4a3210"',
      'headers = {"Authorization": "Bearer 4f9a8b7c6d5e4f3a2b1c"}',
    ],
    negatives: [
      'password = ""',
      'password = "changeme"',
      'password = os.environ["DB_PASSWORD"]',
      'password_label = "Enter your password"',
      'eos_token = "</s>"',
      'token = "<YOUR_TOKEN>"',
      'api_key = "${API_KEY}"',
      "password = pw",
      'if password == "admin123":\n    pass',
      'PASSWORD_ENV = "DB_PASSWORD"',
      'STYLES = {\n    Token: "#d8dee9",\n}',
      'client = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")',
      'client = OpenAI(base_url="http://localhost:8080/v1", api_key="sk-no-key-required")',
    ],
  },
  {
    ruleId: "secret.url-embedded-credentials",
    language: "python",
    positives: ['DATABASE_URL = "postgresql://app:Xk9vLq2pR7@db.internal:5432/shop"'],
    negatives: [
      'DATABASE_URL = f"postgresql://app:{password}@db.internal:5432/shop"',
      'DATABASE_URL = "postgresql://app:${DB_PASSWORD}@localhost/shop"',
      'DATABASE_URL = "postgres://postgres:postgres@localhost:5432/dev"',
      'REPO = "https://user@github.com/org/repo.git"',
    ],
  },
];

/** Secret rules apply in every language, including shell, SQL and unknown text. */
export const SECRET_CROSS_LANGUAGE_CASES: readonly RuleCase[] = [
  {
    ruleId: "secret.hardcoded-credential",
    language: "shell",
    positives: ["export DB_PASSWORD=s3cr3tP4ss9", 'API_TOKEN="9f8e7d6c5b4a3210" ./deploy.sh'],
    negatives: ['export DB_PASSWORD="$(cat /run/secrets/db)"', "export DB_PASSWORD=$DB_PASSWORD_FROM_VAULT"],
  },
  {
    ruleId: "secret.hardcoded-credential",
    language: "unknown",
    positives: ["database:\n  user: app\n  password: hunter2x9"],
    negatives: ["database:\n  user: app\n  password: ${DB_PASSWORD}"],
  },
  {
    ruleId: "secret.hardcoded-credential",
    language: "javascript",
    positives: ['const config = { apiKey: "a8f5f167f44f4964e6c998dee827110c" };'],
    negatives: [
      'const config = { apiKey: process.env.API_KEY, label: "API key" };',
      'const reason = isEogToken\n  ? "eogToken"\n  : "stopGenerationTrigger";',
      'const kind = isToken ? "apiToken" : "stopTrigger";',
    ],
  },
];
