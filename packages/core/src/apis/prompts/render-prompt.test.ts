import { InvalidRequestError, type Prompt } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { renderPrompt } from "./render-prompt.ts";
import { assertVariablesDeclared, templateVariables } from "./template-variables.ts";

const prompt: Prompt = {
  prompt_id: `pmpt_${"a".repeat(48)}`,
  version: 2,
  is_default: true,
  prompt: "You are a {{ role }} for {{company}}. {{role}} again; see {{ photo }}.",
  variables: ["role", "company", "photo", "unused"],
};

describe("templateVariables", () => {
  it("finds each placeholder once, spaces allowed, any script", () => {
    expect(templateVariables("{{ a }} {{b}} {{a}} {{ nom_é }} {{ not valid }} {x}")).toEqual([
      "a",
      "b",
      "nom_é",
    ]);
  });

  it("names undeclared placeholders, sorted, in upstream's words", () => {
    expect(() => assertVariablesDeclared("{{ z }} {{ a }} {{ ok }}", ["ok"])).toThrow(
      "Prompt contains undeclared variables: ['a', 'z']",
    );
    expect(() => assertVariablesDeclared("{{ ok }}", ["ok", "extra"])).not.toThrow();
  });
});

describe("renderPrompt", () => {
  it("substitutes text and names images and files, returning them as media", () => {
    const image = { type: "input_image" as const, image_url: "https://example.com/a.png" };
    const rendered = renderPrompt(prompt, {
      role: "helpful assistant",
      company: { type: "input_text", text: "ACME $& Co" },
      photo: image,
    });
    expect(rendered.text).toBe(
      "You are a helpful assistant for ACME $& Co. helpful assistant again; see [Image: photo].",
    );
    expect(rendered.media).toEqual([{ name: "photo", value: image }]);
    const file = renderPrompt(
      { ...prompt, prompt: "{{photo}}", variables: ["photo"] },
      {
        photo: { type: "input_file", file_id: "file-1" },
      },
    );
    expect(file.text).toBe("[File: photo]");
  });

  it("refuses a variable the prompt does not declare, with upstream's message", () => {
    const error = (() => {
      try {
        renderPrompt(prompt, { role: "x", company: "y", photo: "z", ceo: "w" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      `Invalid value for 'prompt.variables': ceo. Variable not defined in prompt '${prompt.prompt_id}'.`,
    );
  });

  it("refuses a placeholder left without a value, but not a declared variable the text never uses", () => {
    expect(() => renderPrompt(prompt, { role: "x" })).toThrow(
      "Missing value for 'prompt.variables': company, photo.",
    );
    expect(() => renderPrompt(prompt)).toThrow(InvalidRequestError);
    expect(renderPrompt({ ...prompt, prompt: "No variables." }).text).toBe("No variables.");
  });
});
