/** Server-generated id prefixes, as upstream Llama Stack and OpenAI spell them. */
export const ID_PREFIXES = {
  response: "resp_",
  message: "msg_",
  functionCall: "fc_",
  fileSearchCall: "fs_",
  webSearchCall: "ws_",
  codeInterpreterCall: "ci_",
  mcpCall: "mcp_",
  mcpListTools: "mcpl_",
  mcpApprovalRequest: "mcpr_",
  reasoning: "rs_",
  conversation: "conv_",
  item: "item_",
  vectorStore: "vs_",
  file: "file-",
  batch: "batch_",
  toolCall: "call_",
  moderation: "modr-",
  chatCompletion: "chatcmpl-",
  completion: "cmpl-",
  prompt: "pmpt_",
  vectorStoreFileBatch: "vsfb_",
  request: "req_",
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/**
 * A new id such as `file-4f0c…`. The suffix is a UUIDv4 without dashes, which keeps ids inside
 * `[A-Za-z0-9_-]` (the citation-marker alphabet) and unguessable.
 */
export function newId(kind: IdKind): string {
  return ID_PREFIXES[kind] + globalThis.crypto.randomUUID().replaceAll("-", "");
}
