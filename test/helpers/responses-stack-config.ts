import type { RunConfigInput } from "@llama-stack-ts/core";

/**
 * The Stack the Responses tests run: the given inference config, the code interpreter as a hosted
 * tool, and a keyword shield that refuses "password" (on input and output).
 */
export function responsesStackConfig(base: RunConfigInput, apis: RunConfigInput["apis"]): RunConfigInput {
  return {
    ...base,
    apis,
    providers: {
      ...base.providers,
      tool_runtime: [
        {
          provider_id: "code-interpreter",
          provider_type: "inline::code-interpreter",
          module: "../tools/code-interpreter/src/index.ts",
          config: {},
        },
      ],
      safety: [
        {
          provider_id: "blocklist",
          provider_type: "inline::keyword-blocklist",
          module: "../safety/example-shield/src/keyword-blocklist-shield.ts",
          config: { words: ["password"] },
        },
      ],
    },
    registered_resources: { shields: [{ shield_id: "no-passwords", provider_id: "blocklist" }] },
  };
}
