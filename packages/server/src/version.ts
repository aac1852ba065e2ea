import { createRequire } from "node:module";

const pkg = createRequire(import.meta.url)("../package.json") as { version: string };

/** This server's release, reported by `GET /v1/version`. */
export const STACK_VERSION: string = pkg.version;

/** The Llama Stack API generation we are wire-compatible with (llama-stack-client 0.7.x). */
export const API_VERSION = "0.7";
