import { randomBytes } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { files as filesTable, type RunConfigInput } from "@llama-stack-ts/core";
import { eq } from "drizzle-orm";
import LlamaStackClient, { toFile as toStackFile } from "llama-stack-client";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB, TWO_PRINCIPALS_AUTH } from "../helpers/two-principals.ts";

// `/v1/files` against a real server and inline::localfs, driven by both official clients.
const LIMIT = 256 * 1024;

function filesConfig(storageDir: string, extra: Partial<RunConfigInput> = {}): RunConfigInput {
  const base = catalogConfig();
  return {
    ...base,
    apis: ["inference", "files"],
    providers: {
      ...base.providers,
      files: [
        {
          provider_id: "localfs",
          provider_type: "inline::localfs",
          config: { storage_dir: storageDir, max_file_size_bytes: LIMIT },
        },
      ],
    },
    ...extra,
  };
}

/** Stored files (not in-progress uploads) in a storage dir. */
async function storedIds(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith("file-")).sort();
}

async function incoming(dir: string): Promise<string[]> {
  return readdir(join(dir, ".incoming"));
}

let ts: TestStack;
let storageDir: string;
let openai: OpenAI;
let stack: LlamaStackClient;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), "lsts-files-"));
  ts = await startTestStack(filesConfig(storageDir));
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
  stack = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

describe("upload, retrieve, content, delete", () => {
  it("uploads with the openai SDK and serves the bytes back with type, length and filename", async () => {
    const before = Math.floor(Date.now() / 1000);
    const text = "# Notes\n\nLlama Stack files — ünïcode kept.\n";
    const file = await openai.files.create({
      file: await toFile(Buffer.from(text), "notes.md"),
      purpose: "assistants",
    });
    expect(file).toEqual({
      id: expect.stringMatching(/^file-[A-Za-z0-9_-]+$/),
      object: "file",
      bytes: Buffer.byteLength(text),
      created_at: expect.any(Number),
      filename: "notes.md",
      purpose: "assistants",
    });
    expect(file.created_at).toBeGreaterThanOrEqual(before);
    expect(await storedIds(storageDir)).toContain(file.id);

    expect(await openai.files.retrieve(file.id)).toEqual(file);
    expect(await stack.files.retrieve(file.id)).toEqual(file);

    const response = await openai.files.content(file.id);
    expect(response.headers.get("content-type")).toBe("text/markdown");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="notes.md"; filename*=UTF-8''notes.md`,
    );
    expect(await response.text()).toBe(text);
    expect(await stack.files.content(file.id)).toBe(text);
  });

  it("uploads with llama-stack-client, with expires_after as bracketed form keys", async () => {
    const file = await stack.files.create({
      file: await toStackFile(Buffer.from('{"custom_id":"1"}\n'), "batch.jsonl"),
      purpose: "batch",
      expires_after: { anchor: "created_at", seconds: 3600 },
    });
    expect(file).toMatchObject({ object: "file", purpose: "batch", filename: "batch.jsonl", bytes: 18 });
    expect(file.expires_at).toBe(file.created_at + 3600);
    expect(await openai.files.retrieve(file.id)).toEqual(file);
    const response = await openai.files.content(file.id);
    expect(response.headers.get("content-type")).toBe("application/jsonl");
  });

  it("round-trips random binary bytes exactly", async () => {
    const bytes = randomBytes(LIMIT); // exactly at the limit is allowed
    const file = await openai.files.create({
      file: await toFile(bytes, "blob.bin", { type: "application/x-custom" }),
      purpose: "user_data",
    });
    expect(file.bytes).toBe(LIMIT);
    const response = await openai.files.content(file.id);
    expect(response.headers.get("content-type")).toBe("application/x-custom");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("deletes bytes and metadata; afterwards every route answers 404", async () => {
    const file = await openai.files.create({
      file: await toFile(Buffer.from("bye"), "bye.txt"),
      purpose: "assistants",
    });
    expect(await openai.files.delete(file.id)).toEqual({ id: file.id, object: "file", deleted: true });
    expect(await storedIds(storageDir)).not.toContain(file.id);
    await expect(openai.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(stack.files.retrieve(file.id)).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
    await expect(stack.files.content(file.id)).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
    const again = await stack.files.delete(file.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((again as InstanceType<typeof LlamaStackClient.NotFoundError>).error).toMatchObject({
      error: { message: `File '${file.id}' not found. List files with GET /v1/files.` },
    });
  });
});

describe("listing", () => {
  it("pages with has_more/after, filters by purpose and orders both ways", async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const file = await openai.files.create({
        file: await toFile(Buffer.from(`file ${i}`), `page-${i}.txt`),
        purpose: "vision",
      });
      made.push(file.id);
    }
    const first = await openai.files.list({ purpose: "vision", limit: 2 });
    expect(first.data.map((f) => f.id)).toEqual([made[4], made[3]]);
    expect(first.has_more).toBe(true);
    const raw = (await (
      await fetch(`${ts.url}/v1/files?purpose=vision&limit=2&after=${made[3]}`)
    ).json()) as {
      object: string;
      data: { id: string }[];
      first_id: string;
      last_id: string;
      has_more: boolean;
    };
    expect(raw).toMatchObject({ object: "list", first_id: made[2], last_id: made[1], has_more: true });

    const all: string[] = [];
    for await (const file of openai.files.list({ purpose: "vision", limit: 2 })) all.push(file.id);
    expect(all).toEqual([...made].reverse());

    const ascending: string[] = [];
    for await (const file of stack.files.list({ purpose: "vision" as "batch", limit: 2, order: "asc" })) {
      ascending.push(file.id);
    }
    expect(ascending).toEqual(made);

    const everything = (await openai.files.list()).data;
    expect(everything.length).toBeGreaterThan(made.length);
    expect(everything.every((f) => f.object === "file")).toBe(true);
  });

  it("rejects an unknown purpose filter and an unknown cursor", async () => {
    await expect(openai.files.list({ purpose: "nonsense" })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(openai.files.list({ after: "file-missing" })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe("limits and bad requests", () => {
  it("answers 413 over max_file_size_bytes and keeps nothing on disk", async () => {
    const before = await storedIds(storageDir);
    const error = await openai.files
      .create({ file: await toFile(randomBytes(LIMIT + 1), "big.bin"), purpose: "assistants" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain(`limit of ${LIMIT} bytes`);
    expect(await storedIds(storageDir)).toEqual(before);
    expect(await incoming(storageDir)).toEqual([]);
  });

  it("answers 413 for a declared length far over the limit, and for a chunked upload", async () => {
    const before = await storedIds(storageDir);
    const huge = await stack.files
      .create({ file: await toStackFile(randomBytes(8 * LIMIT), "huge.bin"), purpose: "batch" })
      .catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(LlamaStackClient.APIError);
    expect((huge as InstanceType<typeof LlamaStackClient.APIError>).status).toBe(413);

    // No Content-Length: the limit is enforced while streaming.
    const form = new FormData();
    form.append("purpose", "assistants");
    form.append("file", new Blob([randomBytes(2 * LIMIT)]), "chunked.bin");
    const encoded = new Response(form);
    const response = await fetch(`${ts.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": encoded.headers.get("content-type")! },
      body: encoded.body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("file_too_large");
    expect(await storedIds(storageDir)).toEqual(before);
    expect(await incoming(storageDir)).toEqual([]);
  });

  it("keeps nothing when the client goes away mid-upload", async () => {
    const before = await storedIds(storageDir);
    const boundary = "abort-boundary";
    const abort = new AbortController();
    let sawPartial = false;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gone.bin"\r\n\r\n`,
          ),
        );
        controller.enqueue(randomBytes(64 * 1024));
        // Once the server is writing the upload, drop the connection without finishing the form.
        await expect.poll(() => incoming(storageDir)).toHaveLength(1);
        sawPartial = true;
        abort.abort();
      },
    });
    const upload = fetch(`${ts.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
      signal: abort.signal,
    } as RequestInit);
    await expect(upload).rejects.toThrow();
    expect(sawPartial).toBe(true);
    await expect.poll(() => incoming(storageDir)).toEqual([]);
    expect(await storedIds(storageDir)).toEqual(before);
  });

  it("400 for a malformed multipart body, 415 for another content type, and keeps nothing", async () => {
    const before = await storedIds(storageDir);
    const truncated = await fetch(`${ts.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello, no end',
    });
    expect(truncated.status).toBe(400);
    const body = (await truncated.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/^Malformed multipart\/form-data body: /);

    const noBoundary = await fetch(`${ts.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "whatever",
    });
    expect(noBoundary.status).toBe(400);

    const json = await fetch(`${ts.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ purpose: "assistants" }),
    });
    expect(json.status).toBe(415);
    expect(await storedIds(storageDir)).toEqual(before);
    expect(await incoming(storageDir)).toEqual([]);
  });

  it("400 naming the field for a missing file, a missing or bad purpose, and a bad expiry", async () => {
    const before = await storedIds(storageDir);
    const post = async (fields: Record<string, string>, withFile = true) => {
      const form = new FormData();
      if (withFile) form.append("file", new Blob(["data"]), "a.txt");
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      const response = await fetch(`${ts.url}/v1/files`, { method: "POST", body: form });
      return {
        status: response.status,
        error: ((await response.json()) as { error: { param: string } }).error,
      };
    };
    expect(await post({ purpose: "assistants" }, false)).toMatchObject({
      status: 400,
      error: { param: "body.file" },
    });
    expect(await post({})).toMatchObject({ status: 400, error: { param: "body.purpose" } });
    expect(await post({ purpose: "homework" })).toMatchObject({
      status: 400,
      error: { param: "body.purpose" },
    });
    expect(
      await post({ purpose: "batch", "expires_after[anchor]": "created_at", "expires_after[seconds]": "60" }),
    ).toMatchObject({ status: 400, error: { param: "body.expires_after.seconds" } });
    expect(await post({ purpose: "batch", file: "not a file part" }, false)).toMatchObject({
      status: 400,
      error: { param: "file" },
    });
    expect(await storedIds(storageDir)).toEqual(before);
  });

  it("is not limited by the JSON body limit", async () => {
    const small = await startTestStack(
      filesConfig(await mkdtemp(join(tmpdir(), "lsts-files-small-")), {
        server: { max_request_body_bytes: 1024 },
      }),
    );
    try {
      const client = new OpenAI({ baseURL: `${small.url}/v1`, apiKey: "none", maxRetries: 0 });
      const file = await client.files.create({
        file: await toFile(randomBytes(64 * 1024), "over-json-limit.bin"),
        purpose: "assistants",
      });
      expect(file.bytes).toBe(64 * 1024);
    } finally {
      await small.close();
    }
  });
});

describe("expiry", () => {
  async function expire(id: string) {
    await ts.stack.database.db
      .update(filesTable)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(filesTable.id, id));
  }

  it("an expired file is a 404 and is deleted when it is asked for", async () => {
    const file = await stack.files.create({
      file: await toStackFile(Buffer.from("short-lived"), "short.txt"),
      purpose: "assistants",
      expires_after: { anchor: "created_at", seconds: 3600 },
    });
    await expire(file.id);
    expect((await openai.files.list()).data.map((f) => f.id)).not.toContain(file.id);
    await expect(openai.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect(await storedIds(storageDir)).not.toContain(file.id);
    const rows = await ts.stack.database.db.select().from(filesTable).where(eq(filesTable.id, file.id));
    expect(rows).toEqual([]);
  });

  it("the sweep deletes expired files' bytes and rows, and leaves the rest", async () => {
    const doomed = await openai.files.create({
      file: await toFile(Buffer.from("doomed"), "doomed.txt"),
      purpose: "batch",
      expires_after: { anchor: "created_at", seconds: 3600 },
    });
    const kept = await openai.files.create({
      file: await toFile(Buffer.from("kept"), "kept.txt"),
      purpose: "batch",
      expires_after: { anchor: "created_at", seconds: 7200 },
    });
    await expire(doomed.id);
    expect(await ts.stack.files.sweepExpired()).toBeGreaterThanOrEqual(1);
    expect(await storedIds(storageDir)).not.toContain(doomed.id);
    expect(await storedIds(storageDir)).toContain(kept.id);
    expect((await openai.files.retrieve(kept.id)).id).toBe(kept.id);
    // With a clock two hours ahead, the second one goes too.
    expect(await ts.stack.files.sweepExpired(new Date(Date.now() + 7201 * 1000))).toBeGreaterThanOrEqual(1);
    expect(await storedIds(storageDir)).not.toContain(kept.id);
  });
});

describe("ownership", () => {
  let authed: TestStack;
  const as = (apiKey: string) => new OpenAI({ baseURL: `${authed.url}/v1`, apiKey, maxRetries: 0 });

  beforeAll(async () => {
    authed = await startTestStack(
      filesConfig(await mkdtemp(join(tmpdir(), "lsts-files-auth-")), {
        server: {
          auth: TWO_PRINCIPALS_AUTH,
        },
      }),
    );
  });
  afterAll(async () => {
    await authed?.close();
  });

  it("another principal's file is a 404 on every route and absent from its list", async () => {
    const file = await as(ALICE).files.create({
      file: await toFile(Buffer.from("alice's"), "private.txt"),
      purpose: "assistants",
    });
    const bob = as(BOB);
    await expect(bob.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(bob.files.content(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(bob.files.delete(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect((await bob.files.list()).data.map((f) => f.id)).not.toContain(file.id);
    expect((await as(ALICE).files.list()).data.map((f) => f.id)).toContain(file.id);
    expect(await (await as(ALICE).files.content(file.id)).text()).toBe("alice's");
    const [row] = await authed.stack.database.db.select().from(filesTable).where(eq(filesTable.id, file.id));
    expect(row?.owner).toBe("alice");
  });

  it("rejects an upload without a valid key before reading it", async () => {
    await expect(
      as("wrong-key-000000").files.create({
        file: await toFile(Buffer.from("x"), "x.txt"),
        purpose: "batch",
      }),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});

describe("without a files provider", () => {
  it("answers 503 naming the service", async () => {
    const bare = await startTestStack(catalogConfig());
    try {
      const client = new OpenAI({ baseURL: `${bare.url}/v1`, apiKey: "none", maxRetries: 0 });
      const error = await client.files.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.InternalServerError);
      expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
      expect((error as Error).message).toContain("Service 'files' is not enabled.");
      const upload = await client.files
        .create({ file: await toFile(Buffer.from("x"), "x.txt"), purpose: "batch" })
        .catch((e: unknown) => e);
      expect((upload as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    } finally {
      await bare.close();
    }
  });
});
