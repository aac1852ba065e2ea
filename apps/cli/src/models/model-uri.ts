/** Sources `models pull` accepts; the same set the `inline::llama-cpp` provider treats as remote. */
export function isModelUri(uri: string): boolean {
  return /^(hf:|hf:\/\/|huggingface:|https?:\/\/)/i.test(uri);
}

/** Where node-llama-cpp resolves `hf:` URIs, in its own order of precedence. */
export function huggingFaceEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  const endpoint = env.MODEL_ENDPOINT || env.HF_ENDPOINT || "https://huggingface.co/";
  return endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
}

/** The server a pull talks to first: the Hugging Face endpoint, or the URL itself. */
export function firstServerUrl(uri: string, env: NodeJS.ProcessEnv = process.env): string {
  return /^https?:\/\//i.test(uri) ? uri : huggingFaceEndpoint(env);
}
