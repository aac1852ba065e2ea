import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// The OpenAPI document and the docs page come from the same zod schemas as validation.
let ts: TestStack;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

beforeAll(async () => {
  ts = await startTestStack(catalogConfig());
  doc = (await (await fetch(`${ts.url}/openapi.json`)).json()) as typeof doc;
});
afterAll(async () => {
  await ts?.close();
});

describe("OpenAPI 3.1", () => {
  it("lists exactly the served routes", async () => {
    const routes = (await (await fetch(`${ts.url}/v1/inspect/routes`)).json()) as {
      data: { route: string; method: string }[];
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(doc.openapi).toBe("3.1.0");
    expect(documented.sort()).toEqual(routes.data.map((r) => `${r.method} ${r.route}`).sort());
  });

  it("describes parameters, bodies, responses and the error envelope with resolvable refs", () => {
    const retrieve = doc.paths["/v1/models/{model_id}"]!.get!;
    expect(retrieve.parameters).toEqual([
      expect.objectContaining({ name: "model_id", in: "path", required: true }),
    ]);
    const register = doc.paths["/v1/models"]!.post!;
    expect(register.deprecated).toBe(true);
    const body = JSON.stringify(register.requestBody);
    expect(body).toContain("#/components/schemas/RegisterModelRequest");
    const model = doc.components.schemas.Model!;
    expect(model.required).toEqual(
      expect.arrayContaining(["identifier", "provider_id", "model_type", "type"]),
    );
    expect(doc.components.schemas.ErrorEnvelope).toBeDefined();
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas[ref[1]!], ref[1]).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });

  it("documents the shields, run-shield and moderation routes", () => {
    expect(Object.keys(doc.paths["/v1/shields"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/v1/shields/{identifier}"]!).sort()).toEqual(["delete", "get"]);
    expect(doc.paths["/v1/shields/{identifier}"]!.get!.parameters).toEqual([
      expect.objectContaining({ name: "identifier", in: "path", required: true }),
    ]);
    expect(doc.paths["/v1/shields"]!.post!.deprecated).toBe(true);
    expect(JSON.stringify(doc.paths["/v1/safety/run-shield"]!.post)).toContain(
      "#/components/schemas/RunShieldRequest",
    );
    expect(JSON.stringify(doc.paths["/v1/moderations"]!.post)).toContain(
      "#/components/schemas/ModerationResponse",
    );
    expect(doc.components.schemas.SafetyViolation!.required).toEqual(
      expect.arrayContaining(["violation_level", "metadata"]),
    );
  });

  it("documents the file upload as multipart/form-data and file content as bytes", () => {
    const upload = doc.paths["/v1/files"]!.post!.requestBody as {
      content: Record<string, { schema: { $ref: string } }>;
    };
    expect(Object.keys(upload.content)).toEqual(["multipart/form-data"]);
    const form = doc.components.schemas.FileUploadForm!;
    expect(form.required).toEqual(expect.arrayContaining(["file", "purpose"]));
    expect((form.properties as Record<string, unknown>).file).toMatchObject({
      type: "string",
      format: "binary",
    });
    const content = doc.paths["/v1/files/{file_id}/content"]!.get!.responses as Record<
      string,
      { content: Record<string, unknown> }
    >;
    expect(Object.keys(content["200"]!.content)).toEqual(["application/octet-stream"]);
  });

  it("serves a self-contained docs page", async () => {
    const response = await fetch(`${ts.url}/docs`);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("/v1/models/{model_id:path}");
    expect(html).toContain("/openapi.json");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
