import { describe, expect, it } from "vitest";
import { isSecretName, redactSecrets } from "./redact-secrets.ts";

describe("redactSecrets", () => {
  it("masks declared secret keys and secret names, at any depth", () => {
    expect(
      redactSecrets(
        {
          url: "http://engine",
          api_key: "sk-1",
          extra: { auth_token: "t", headers: [{ authorization: "Bearer x" }] },
          custom: "hidden",
          password: "",
        },
        ["custom"],
      ),
    ).toEqual({
      url: "http://engine",
      api_key: "********",
      extra: { auth_token: "********", headers: [{ authorization: "********" }] },
      custom: "********",
      password: "",
    });
  });

  it("shows settings whose names only contain a secret word", () => {
    const config = { max_tokens: 48, window_tokens: 512, token_limit: 3, tokenizer: "bpe", keyword: "k" };
    expect(redactSecrets(config, [])).toEqual(config);
  });

  it("knows secret names by their last word", () => {
    for (const name of ["api_key", "apiKey", "openai_api_key", "HF_TOKEN", "auth-token", "clientSecret"]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ["secret_access_key", "private_key", "db_password", "credentials"]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ["max_tokens", "key", "cache_key", "secret_name", "tokens", "", "tokenizer"]) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});
