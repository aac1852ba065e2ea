/** One chunk found, with the file it came from: its id and its real name. */
export interface FileSearchHit {
  vector_store_id: string;
  file_id: string;
  filename: string;
  score: number;
  text: string;
  /** The file's own attributes (what ingestion adds, `document_id` and `filename`, left out). */
  attributes: Record<string, unknown>;
}
