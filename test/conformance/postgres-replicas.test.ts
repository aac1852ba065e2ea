import LlamaStackClient from "llama-stack-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SocketPostgres, startSocketPostgres } from "../helpers/pglite-socket-postgres.ts";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Two Stack replicas on one PostgreSQL server share every registration: no state outside Postgres.
let postgres: SocketPostgres;
const replicas: TestStack[] = [];

beforeAll(async () => {
  postgres = await startSocketPostgres({ maxConnections: 2 });
  const config = () =>
    catalogConfig({
      storage: {
        backends: { sql_default: { type: "sql_postgres", url: "${env.PG_URL}", pool_size: 1 } },
        stores: { metadata: { backend: "sql_default" } },
      },
    });
  // Sequential start: both run migrations under an advisory lock, the second finds them applied.
  replicas.push(await startTestStack(config(), { env: { PG_URL: postgres.url } }));
  replicas.push(await startTestStack(config(), { env: { PG_URL: postgres.url } }));
});
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  await postgres?.stop();
});

describe("replicas sharing PostgreSQL", () => {
  it("uses the pg driver", () => {
    expect(replicas[0]!.stack.database.driver).toBe("postgres");
  });

  it("a model registered on one replica is served by the other, and deleted for both", async () => {
    const [a, b] = replicas.map((r) => new LlamaStackClient({ baseURL: r.url, maxRetries: 0 }));
    await a!.post("/v1/models", { body: { model_id: "shared", provider_id: "catalog" } });
    expect((await b!.models.retrieve("catalog/shared")).identifier).toBe("catalog/shared");
    expect((await b!.models.list()).map((m) => m.id).sort()).toEqual([
      "catalog/Llama-3.1-8B-Instruct",
      "catalog/all-MiniLM-L6-v2",
      "catalog/shared",
    ]);
    await b!.delete("/v1/models/catalog/shared");
    await expect(a!.models.retrieve("catalog/shared")).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
  });
});
