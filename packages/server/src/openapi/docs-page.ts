import type { RouteSpec } from "../http/route-spec.ts";
import { STACK_VERSION } from "../version.ts";
import type { JsonSchema } from "./to-json-schema.ts";

/** A self-contained HTML reference (no CDN, works offline), rendered from the OpenAPI document. */
export function renderDocsPage(specs: readonly RouteSpec[], openapi: JsonSchema): string {
  const paths = openapi.paths as Record<string, Record<string, JsonSchema>>;
  const byApi = new Map<string, RouteSpec[]>();
  for (const spec of specs) byApi.set(spec.api, [...(byApi.get(spec.api) ?? []), spec]);
  const sections = [...byApi.entries()]
    .map(([api, routes]) => {
      const items = routes
        .map((spec) => {
          const op = paths[spec.path.replace(/\{(\w+):path\}/g, "{$1}")]?.[spec.method.toLowerCase()] ?? {};
          const params = (op.parameters ?? []) as JsonSchema[];
          const body = (op.requestBody as JsonSchema | undefined)?.content as JsonSchema | undefined;
          const ok = Object.entries((op.responses ?? {}) as Record<string, JsonSchema>).find(([code]) =>
            code.startsWith("2"),
          );
          return `<article id="${escapeHtml(String(op.operationId))}">
  <h3><span class="m ${spec.method}">${spec.method}</span> <code>${escapeHtml(spec.path)}</code>${spec.deprecated ? ' <span class="dep">deprecated</span>' : ""}</h3>
  <p>${escapeHtml(spec.summary)}</p>
  ${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr>${params.map((p) => `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? "yes" : "no"}</td><td>${escapeHtml(String(p.description ?? ""))}</td></tr>`).join("")}</table>` : ""}
  ${body ? `<details><summary>Request body</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ""}
  ${ok ? `<details><summary>Response ${ok[0]}</summary><pre>${escapeHtml(JSON.stringify(ok[1].content ?? ok[1].description, null, 2))}</pre></details>` : ""}
</article>`;
        })
        .join("\n");
      return `<section><h2>${escapeHtml(api)}</h2>${items}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>llama-stack-ts API ${STACK_VERSION}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto}
article{border-top:1px solid #ddd;padding:.5rem 0}h3{margin:.5rem 0}.m{padding:0 .4rem;border-radius:3px;color:#fff}
.GET{background:#2b7a3d}.POST{background:#1f5fa8}.DELETE{background:#a8321f}.PUT{background:#8a5a00}
.dep{color:#a8321f;font-size:12px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
</style></head><body>
<h1>llama-stack-ts API <small>${STACK_VERSION}</small></h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors use
<code>{"error": {"message", "type", "code"}}</code>. Point <code>llama-stack-client</code> at the server root and the
<code>openai</code> SDK at <code>/v1</code>.</p>
${sections}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
