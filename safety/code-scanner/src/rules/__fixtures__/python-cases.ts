import type { RuleCase } from "./rule-case.ts";

const py = (ruleId: string, positives: string[], negatives: string[]): RuleCase => ({
  ruleId,
  language: "python",
  positives,
  negatives,
});

export const PYTHON_CASES: readonly RuleCase[] = [
  py(
    "python.os-system",
    ['import os\nos.system("ping -c 1 " + host)', 'os.system(f"rm {path}")', "os.system(cmd)"],
    ['os.system("ls -l")', "# os.system(cmd)", 'print("never call os.system(cmd)")'],
  ),
  py(
    "python.os-popen",
    ['out = os.popen("cat " + name).read()', "os.popen(command)"],
    ['out = os.popen("uptime").read()', "# os.popen(command)"],
  ),
  py(
    "python.subprocess-shell-true",
    [
      'subprocess.run(f"grep {pattern} log.txt", shell=True)',
      "subprocess.check_output(cmd, shell=True, text=True)",
      'subprocess.getoutput("ls " + directory)',
      "proc = await asyncio.create_subprocess_shell(cmd)",
    ],
    [
      'subprocess.run(["grep", pattern, "log.txt"])',
      'subprocess.run("ls -l", shell=True)',
      "subprocess.run(cmd, shell=False)",
      "asyncio.run(main())",
      "async def create_subprocess_shell(cmd, stdin=None):\n    pass",
    ],
  ),
  py(
    "python.eval-exec",
    [
      "result = eval(user_input)",
      "exec(code_str)",
      'total = eval(f"{a} + {b}")',
      'exec(open("setup.py").read())',
    ],
    ['eval("1 + 2")', "model.eval()", "value = ast.literal_eval(text)", "def eval(self, x):\n    return x"],
  ),
  py(
    "python.unsafe-deserialization",
    ["obj = pickle.loads(request.data)", "code = marshal.loads(blob)", "df = pd.read_pickle(path)"],
    ["blob = pickle.dumps(obj)", "data = json.loads(body)"],
  ),
  py(
    "python.yaml-unsafe-load",
    ["cfg = yaml.load(f, Loader=yaml.Loader)", "cfg = yaml.load(text)", "cfg = yaml.unsafe_load(text)"],
    ["cfg = yaml.load(f, Loader=yaml.SafeLoader)", "cfg = yaml.safe_load(f)"],
  ),
  py(
    "python.tls-verification-disabled",
    [
      "r = requests.get(url, verify=False)",
      "ctx = ssl._create_unverified_context()",
      "ctx.check_hostname = False",
      "client = httpx.Client(verify=False)",
    ],
    [
      "r = requests.get(url, verify=True)",
      'r = requests.get(url, verify="/etc/ssl/ca.pem")',
      "# verify=False",
      "def __init__(self, filename=None, sign=False, verify=False):",
    ],
  ),
  py(
    "python.weak-hash",
    ["digest = hashlib.md5(password.encode()).hexdigest()", 'h = hashlib.new("sha1", data)'],
    [
      "digest = hashlib.sha256(data).hexdigest()",
      "etag = hashlib.md5(body, usedforsecurity=False).hexdigest()",
      'h = hashlib.new("sha256")',
    ],
  ),
  py(
    "python.weak-cipher",
    [
      "cipher = DES.new(key, DES.MODE_CBC)",
      "cipher = AES.new(key, AES.MODE_ECB)",
      "Cipher(algorithms.AES(key), modes.ECB())",
    ],
    ["cipher = AES.new(key, AES.MODE_GCM)", "Cipher(algorithms.AES(key), modes.GCM(iv))"],
  ),
  py(
    "python.insecure-random-secret",
    [
      'token = "".join(random.choice(alphabet) for _ in range(32))',
      "def generate_password(length=12):\n    return ''.join(random.choice(chars) for _ in range(length))",
      "session_id = random.getrandbits(128)",
    ],
    [
      "color = random.choice(colors)",
      "token = secrets.token_urlsafe(32)",
      "def roll():\n    return random.randint(1, 6)",
    ],
  ),
  py(
    "python.tempfile-mktemp",
    ["path = tempfile.mktemp(suffix='.txt')"],
    [
      "fd, path = tempfile.mkstemp()",
      "f = tempfile.NamedTemporaryFile()",
      'def mktemp(suffix=""):\n    return None',
    ],
  ),
  py(
    "python.sql-string-building",
    [
      "cursor.execute(f\"SELECT * FROM users WHERE name = '{name}'\")",
      'cursor.execute("SELECT * FROM users WHERE id = " + user_id)',
      'sql = "DELETE FROM orders WHERE id = %s" % order_id',
      "sql = \"select * from users where name = '%s'\" % name",
      "q = \"UPDATE users SET email = '{}' WHERE id = {}\".format(email, uid)",
      'cur.execute(\n    "SELECT id, name FROM users "\n    "WHERE name = \'" + name + "\'"\n)',
    ],
    [
      'cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))',
      'cursor.execute("SELECT * FROM users WHERE id = ?", [uid])',
      'print("Select a file from " + folder)',
      'cursor.execute("SELECT * FROM users " + "WHERE active = 1")',
      'raise ValueError("Cannot serialize %r where tzinfo=None" % (obj,))',
    ],
  ),
  py(
    "python.jwt-signature-not-verified",
    [
      'claims = jwt.decode(token, options={"verify_signature": False})',
      'jwt.decode(token, key, algorithms=["none"])',
    ],
    [
      'claims = jwt.decode(token, key, algorithms=["HS256"])',
      'jwt.decode(token, options={"verify_signature": True}, key=k)',
    ],
  ),
];
