/**
 * The messages given to a Llama Guard check cannot be turned into a conversation (empty list, a
 * message that is not an object, a role that is not a string…). `param` names the offending request
 * field, e.g. `messages` or `messages[2].content`, so a caller can map it to an HTTP 400.
 */
export class GuardInputError extends Error {
  readonly param: string;

  constructor(message: string, param: string) {
    super(message);
    this.name = "GuardInputError";
    this.param = param;
  }
}
