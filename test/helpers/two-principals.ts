/** API keys of two principals, for tests that one never sees the other's resources. */
export const ALICE = "alice-key-0123456789";
export const BOB = "bob-key-0123456789";

/** `server.auth` accepting both keys. */
export const TWO_PRINCIPALS_AUTH = {
  provider_config: {
    type: "api_keys" as const,
    keys: [
      { key: ALICE, principal: "alice" },
      { key: BOB, principal: "bob" },
    ],
  },
};
