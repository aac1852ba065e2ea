import { createHash } from "node:crypto";
import { AuthenticationError } from "@llama-stack-ts/api";
import type { AccessContext } from "./access-context.ts";

export interface ApiKeyEntry {
  key: string;
  principal: string;
  attributes?: Record<string, string[]> | undefined;
}

/** Bearer API keys → principals. Keys are kept only as SHA-256 digests. */
export class ApiKeyAuthenticator {
  private readonly principals = new Map<string, string>();

  constructor(keys: readonly ApiKeyEntry[]) {
    for (const entry of keys) this.principals.set(digest(entry.key), entry.principal);
  }

  authenticate(authorization: string | undefined): AccessContext {
    const match = authorization?.match(/^Bearer\s+(.+)$/i);
    if (!match) {
      throw new AuthenticationError("Authentication required: send 'Authorization: Bearer <api key>'.", {
        code: "missing_api_key",
        retryable: false,
      });
    }
    const principal = this.principals.get(digest(match[1]!.trim()));
    if (principal === undefined) {
      throw new AuthenticationError("Invalid API key.", { code: "invalid_api_key", retryable: false });
    }
    return { principal, enforced: true };
  }
}

function digest(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
