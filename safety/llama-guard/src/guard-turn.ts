/**
 * One conversation turn as Llama Guard sees it: `role` is the message role lower-cased (`user`,
 * `assistant`, `tool`, `system`, `developer`…), `text` the message's text exactly as sent.
 */
export interface GuardTurn {
  role: string;
  text: string;
}
