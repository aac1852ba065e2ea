import { describe, expect, it } from "vitest";
import { looksLikeSql } from "./looks-like-sql.ts";

describe("looksLikeSql", () => {
  it.each([
    "SELECT * FROM users WHERE id = ",
    "select id, name from users",
    "SELECT count(*) AS n FROM orders o JOIN users u ON u.id = o.user_id",
    "SELECT * FROM ",
    "SELECT * FROM {table}",
    "INSERT INTO logs (msg) VALUES ('",
    "UPDATE users SET name = '",
    "DELETE FROM sessions WHERE ",
    " WHERE name = '",
    " AND owner = '",
  ])("accepts %s", (text) => {
    expect(looksLikeSql(text)).toBe(true);
  });

  it.each([
    "Select one from the list: ",
    "Select a file from ",
    "Please update the docs",
    "where are you going",
    "Hello, ",
  ])("rejects %s", (text) => {
    expect(looksLikeSql(text)).toBe(false);
  });
});
