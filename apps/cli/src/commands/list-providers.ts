import { builtinProviders } from "../builtin-providers.ts";

/** `llama-stack-ts list-providers [api]`: the provider types this build can run. */
export function listProvidersCommand(api?: string): string {
  const modules = builtinProviders()
    .list()
    .filter((m) => !api || m.api === api);
  const lines = ["API  PROVIDER TYPE  DESCRIPTION"];
  for (const m of modules) lines.push(`${m.api}  ${m.providerType}  ${m.description}`);
  if (modules.length === 0) lines.push(api ? `(no built-in ${api} providers)` : "(no built-in providers)");
  lines.push(
    "",
    "Third-party providers: set `module: <path or package>` on a provider entry in the run config.",
  );
  return lines.join("\n");
}
