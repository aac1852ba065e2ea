import type { RuleCase } from "./rule-case.ts";

const sh = (ruleId: string, positives: string[], negatives: string[]): RuleCase => ({
  ruleId,
  language: "shell",
  positives,
  negatives,
});

const sql = (ruleId: string, positives: string[], negatives: string[]): RuleCase => ({
  ruleId,
  language: "sql",
  positives,
  negatives,
});

export const SHELL_CASES: readonly RuleCase[] = [
  sh(
    "shell.curl-pipe-shell",
    [
      "curl -fsSL https://get.example.dev | bash",
      "wget -qO- https://example.dev/install | sudo sh",
      "bash <(curl -s https://example.dev/i.sh)",
      'sh -c "$(curl -fsSL https://example.dev/install.sh)"',
    ],
    [
      "curl -fsSL https://example.dev/install.sh -o install.sh",
      "curl -s https://api.example.dev/items | jq .",
      "curl -sL https://example.dev/f.tar.gz | sha256sum",
      "# curl -fsSL https://get.example.dev | bash",
    ],
  ),
  sh(
    "shell.eval-variable",
    ['eval "$cmd"', "eval $USER_ARGS", 'eval "${BUILD_COMMAND}"'],
    ['eval "$(ssh-agent -s)"', 'eval "$(pyenv init -)"', "# eval $cmd", 'echo "Usage: eval `$BASENAME`"'],
  ),
  sh(
    "shell.chmod-world-writable",
    [
      "chmod 777 /var/www/html",
      "chmod -R a+rwx ./uploads",
      "chmod o+w config.yml",
      "sudo chmod 0666 /dev/ttyUSB0",
    ],
    ["chmod 755 deploy.sh", "chmod 600 ~/.ssh/id_ed25519", "chmod u+x run.sh", "chmod go-w shared"],
  ),
  sh(
    "shell.rm-rf-unguarded-variable",
    ['rm -rf "$BUILD_DIR"/', "rm -rf $PREFIX/*", 'rm -fr "${TARGET}/cache"'],
    ['rm -rf "${BUILD_DIR:?}/"', 'rm -f "$LOG_DIR"/old.log', "rm -rf ./build/"],
  ),
  sh(
    "shell.rm-rf-root",
    ["sudo rm -rf /", "rm -rf --no-preserve-root /", "rm -rf /*", "rm -rf ~"],
    ["rm -rf /tmp/build", "rm -rf ./dist", "rm -r ~/old-project", "rm -f /"],
  ),
  sh(
    "shell.tls-verification-disabled",
    [
      "curl -k https://internal.example/api",
      "curl -sSLk https://example.dev/install.sh -o install.sh",
      "curl --insecure https://internal.example/",
      "wget --no-check-certificate https://example.dev/f.zip",
      "export NODE_TLS_REJECT_UNAUTHORIZED=0",
      "git config --global http.sslVerify false",
      "ssh -o StrictHostKeyChecking=no deploy@host",
    ],
    [
      "curl -fsSL https://example.dev/install.sh",
      'curl -H "x-api-key: $KEY" https://api.example.dev',
      "git config --global http.sslVerify true",
      "# curl -k https://internal.example/api",
    ],
  ),
];

export const SQL_CASES: readonly RuleCase[] = [
  sql(
    "sql.dynamic-sql-concatenation",
    [
      "EXECUTE 'SELECT count(*) FROM ' || tbl || ' WHERE owner = ' || owner_name;",
      "EXEC('SELECT * FROM users WHERE name = ''' + @name + '''');",
      "SET @sql = 'SELECT * FROM users WHERE name = ''' + @name + '''';",
      "SET @q = CONCAT('SELECT * FROM users WHERE name = ''', p_name, '''');",
      "EXECUTE format('SELECT * FROM users WHERE name = %s', p_name);",
      "v_sql := 'DELETE FROM ' || p_table || ' WHERE id = ' || p_id;",
    ],
    [
      "EXECUTE format('SELECT count(*) FROM %I WHERE owner = %L', tbl, owner_name);",
      "EXECUTE 'SELECT * FROM users WHERE id = $1' USING uid;",
      "EXECUTE 'SELECT * FROM ' || quote_ident(tbl);",
      "EXEC sp_executesql @sql, N'@id int', @id = @uid;",
      "CREATE TRIGGER audit BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION log_change();",
      "SET @total = @price + @tax;",
    ],
  ),
  sql(
    "sql.grant-all-to-everyone",
    ["GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC;", "GRANT ALL PRIVILEGES ON *.* TO 'app'@'%';"],
    [
      "GRANT SELECT ON reports TO analyst;",
      "GRANT ALL PRIVILEGES ON shop.* TO 'app'@'localhost';",
      "DROP TABLE users;",
    ],
  ),
  sql(
    "sql.hardcoded-password",
    [
      "CREATE USER app WITH PASSWORD 'S3cure!pass';",
      "CREATE USER 'app'@'localhost' IDENTIFIED BY 'hunter22';",
    ],
    [
      "CREATE USER app WITH PASSWORD 'changeme';",
      "ALTER ROLE app PASSWORD :'app_password';",
      "ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$abc:def';",
      "-- CREATE USER app WITH PASSWORD 'S3cure!pass';",
    ],
  ),
];
