import type OpenAI from "openai";

/**
 * Two short chat completions at once on a model served by one sequence with a queue of one: both
 * finish only if nothing else holds the sequence (a generation still running makes one a 429).
 */
export async function askTwice(openai: OpenAI, model: string): Promise<(number | undefined)[]> {
  const ask = () =>
    openai.chat.completions.create({
      model,
      messages: [{ role: "user", content: "Hi" }],
      max_completion_tokens: 5,
      temperature: 0,
    });
  const answers = await Promise.all([ask(), ask()]);
  return answers.map((answer) => answer.usage?.completion_tokens);
}
