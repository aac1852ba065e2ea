import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layer rule of ARCHITECTURE.md, enforced on the source: api ← provider-kit ← core ← server;
// providers (inference, memory, safety/*, tools/*) and agents reach the Stack only through the
// contract and the kit.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PROVIDER_FOLDERS = ["packages/inference", "packages/memory", "safety/*", "tools/*"];

interface WorkspacePackage {
  name: string;
  dir: string;
  /** The module `import "<name>"` loads. */
  entry: string;
  dependencies: Record<string, string>;
}

function workspacePackages(): WorkspacePackage[] {
  const dirs = ["packages", "safety", "tools", "apps"].flatMap((group) =>
    existsSync(join(ROOT, group)) ? readdirSync(join(ROOT, group)).map((name) => join(group, name)) : [],
  );
  return dirs
    .filter((dir) => existsSync(join(ROOT, dir, "package.json")))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"));
      const exported = manifest.exports?.["."] ?? manifest.main ?? "./src/index.ts";
      return {
        name: manifest.name,
        dir,
        entry: join(ROOT, dir, exported),
        dependencies: manifest.dependencies ?? {},
      };
    });
}

const packages = workspacePackages();
const byName = new Map(packages.map((p) => [p.name, p]));
const isProvider = (p: WorkspacePackage) =>
  PROVIDER_FOLDERS.some((folder) =>
    folder.endsWith("/*") ? dirname(p.dir) === folder.slice(0, -2) : p.dir === folder,
  );
const providers = packages.filter(isProvider);

/** Source files that ship (tests and their fixtures are excluded: they may use core to run a Stack). */
function shippedSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (entry === "node_modules" || entry === "__fixtures__") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".ts") && !entry.endsWith(".test.ts")) out.push(full);
    }
  };
  if (existsSync(join(ROOT, dir, "src"))) walk(join(ROOT, dir, "src"));
  return out;
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;
  return [...source.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const workspaceImports = (dir: string) =>
  shippedSources(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => spec.startsWith("@llama-stack-ts/"))
      .map((spec) => ({ file: relative(ROOT, file), target: spec })),
  );

/** Every third-party package a module pulls in at run time, following relative and workspace imports. */
function externalPackagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const externals = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        if (existsSync(target) && statSync(target).isFile()) visit(target);
      } else if (spec.startsWith("@llama-stack-ts/")) {
        const target = byName.get(spec);
        if (target) visit(target.entry);
      } else if (!spec.startsWith("node:")) {
        externals.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
      }
    }
  };
  visit(entry);
  return externals;
}

describe("layers", () => {
  it("finds the provider packages it checks", () => {
    expect(providers.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "@llama-stack-ts/inference",
        "@llama-stack-ts/memory",
        "@llama-stack-ts/code-scanner",
        "@llama-stack-ts/llama-guard",
        "@llama-stack-ts/example-shield",
      ]),
    );
  });

  it("the contract imports nothing of ours and the kit only the contract", () => {
    expect(workspaceImports("packages/api")).toEqual([]);
    expect(
      workspaceImports("packages/provider-kit").filter((i) => i.target !== "@llama-stack-ts/api"),
    ).toEqual([]);
  });

  it.each(providers.map((p) => [p.name, p] as const))(
    "%s reaches the Stack only through api and provider-kit",
    (_, provider) => {
      const allowed = new Set(["@llama-stack-ts/api", "@llama-stack-ts/provider-kit"]);
      expect(workspaceImports(provider.dir).filter((i) => !allowed.has(i.target))).toEqual([]);
      expect(
        Object.keys(provider.dependencies).filter((d) => d.startsWith("@llama-stack-ts/") && !allowed.has(d)),
      ).toEqual([]);
    },
  );

  it("agents reaches the Stack only through api and provider-kit (routers, not providers or storage)", () => {
    const allowed = new Set(["@llama-stack-ts/api", "@llama-stack-ts/provider-kit"]);
    const agents = byName.get("@llama-stack-ts/agents")!;
    expect(workspaceImports(agents.dir).filter((i) => !allowed.has(i.target))).toEqual([]);
    expect(
      Object.keys(agents.dependencies).filter((d) => d.startsWith("@llama-stack-ts/") && !allowed.has(d)),
    ).toEqual([]);
    const reached = externalPackagesReachedFrom(agents.entry);
    expect([...reached].filter((name) => /^(@electric-sql\/pglite.*|pg|drizzle-orm)$/.test(name))).toEqual(
      [],
    );
  });

  it("core imports no provider, agents, server or app", () => {
    const upper = new Set(
      packages.filter((p) => isProvider(p) || p.dir.startsWith("apps/")).map((p) => p.name),
    );
    upper.add("@llama-stack-ts/agents");
    upper.add("@llama-stack-ts/server");
    upper.add("@llama-stack-ts/test-fixtures");
    expect(workspaceImports("packages/core").filter((i) => upper.has(i.target))).toEqual([]);
  });

  it.each(providers.map((p) => [p.name, p] as const))(
    "%s pulls in no database driver or ORM",
    (_, provider) => {
      const reached = externalPackagesReachedFrom(provider.entry);
      expect([...reached].filter((name) => /^(@electric-sql\/pglite.*|pg|drizzle-orm)$/.test(name))).toEqual(
        [],
      );
    },
  );

  it("the import scanner sees a violation when there is one", () => {
    // Guards the guard: core's own sources do reach PGlite and drizzle.
    const reached = externalPackagesReachedFrom(join(ROOT, "packages/core/src/index.ts"));
    expect(reached).toContain("@electric-sql/pglite");
    expect(reached).toContain("drizzle-orm");
    expect(workspaceImports("packages/server").map((i) => i.target)).toContain("@llama-stack-ts/core");
  });
});
