/**
 * Who is asking. With auth off every caller is anonymous and sees everything; with auth on a
 * principal sees shared resources (owner null: config, discovery) and its own.
 */
export interface AccessContext {
  principal: string | null;
  enforced: boolean;
}
