/** Turns a file's bytes into chunk texts; the memory package implements it, core calls it. */
export interface DocumentChunker {
  /** Throws an `InvalidRequestError` naming the field when the strategy cannot be applied. */
  checkStrategy(strategy: unknown): void;
  /** Throws with a message fit for `last_error` when the file cannot be read. */
  chunk(
    input: { bytes: Uint8Array; filename: string; contentType?: string },
    strategy: unknown,
  ): Promise<string[]>;
}
