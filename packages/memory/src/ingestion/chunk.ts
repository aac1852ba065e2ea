/** One piece of a document, ready to embed. */
export interface Chunk {
  /** Position in the document's chunk list, from 0. */
  index: number;
  /** The window's text with surrounding whitespace trimmed. */
  text: string;
  /** cl100k_base tokens in `text`; never above the strategy's maximum. */
  tokenCount: number;
  /** Token offsets of the window in the whole document, end exclusive. */
  startToken: number;
  endToken: number;
}
