import { describe, expect, it } from "vitest";
import { type ParseLlamaOutputOptions, parseLlamaOutput } from "./parse-llama-output.ts";

const llama31: ParseLlamaOutputOptions = {
  family: "llama3_1",
  toolPromptFormat: "json",
  toolNames: ["trending_songs", "get_weather", "brave_search", "code_interpreter"],
  stop: "eom",
};
const llama32: ParseLlamaOutputOptions = {
  family: "llama3_2",
  toolPromptFormat: "python_list",
  toolNames: ["get_weather", "search"],
  stop: "eot",
};

describe("parseLlamaOutput", () => {
  it("returns plain answers as content", () => {
    expect(parseLlamaOutput("Hello there.<|eot_id|>", llama31)).toEqual({
      content: "Hello there.",
      toolCalls: [],
    });
  });

  it("reads the reference's 3.1 JSON call, with string arguments as the model wrote them", () => {
    const text =
      '<|python_tag|>{"type": "function", "name": "trending_songs", "parameters": {"n": "10", "genre": "all"}}<|eom_id|>';
    expect(parseLlamaOutput(text, llama31)).toEqual({
      content: null,
      toolCalls: [{ name: "trending_songs", arguments: { n: "10", genre: "all" } }],
    });
  });

  it("accepts name + parameters, arguments as an alias, and nested JSON", () => {
    const text =
      '{"name": "get_weather", "arguments": {"city": "Paris", "opts": {"units": ["C", {"x": "}"}]}}}';
    expect(parseLlamaOutput(text, { ...llama31, stop: "eot" }).toolCalls).toEqual([
      { name: "get_weather", arguments: { city: "Paris", opts: { units: ["C", { x: "}" }] } } },
    ]);
  });

  it("keeps several JSON calls", () => {
    const text =
      '{"name": "get_weather", "parameters": {"city": "A"}}; {"name": "get_weather", "parameters": {"city": "B"}}';
    expect(parseLlamaOutput(text, llama31).toolCalls.map((call) => call.arguments.city)).toEqual(["A", "B"]);
  });

  it("reads <function=…> calls and keeps the text around them", () => {
    const text = 'Sure. <function=trending_songs>{"n": 10}</function><|eot_id|>';
    expect(parseLlamaOutput(text, { ...llama31, toolPromptFormat: "function_tag", stop: "eot" })).toEqual({
      content: "Sure.",
      toolCalls: [{ name: "trending_songs", arguments: { n: 10 } }],
    });
  });

  it("reads built-in calls", () => {
    expect(
      parseLlamaOutput('<|python_tag|>brave_search.call(query="Menlo Park weather")<|eom_id|>', llama31),
    ).toEqual({
      content: null,
      toolCalls: [{ name: "brave_search", arguments: { query: "Menlo Park weather" } }],
    });
  });

  it("treats tagged text that is no call as code for code_interpreter", () => {
    expect(parseLlamaOutput("<|python_tag|>import math\nprint(math.pi)<|eom_id|>", llama31)).toEqual({
      content: null,
      toolCalls: [{ name: "code_interpreter", arguments: { code: "import math\nprint(math.pi)" } }],
    });
    const withoutInterpreter = { ...llama31, toolNames: ["get_weather"] };
    expect(parseLlamaOutput("<|python_tag|>print(1)", withoutInterpreter)).toEqual({
      content: "print(1)",
      toolCalls: [],
    });
    expect(parseLlamaOutput("<|python_tag|>print(1", { ...llama31, stop: "length" }).toolCalls).toEqual([]);
  });

  it("keeps text before a mid-answer <|python_tag|> as content", () => {
    expect(
      parseLlamaOutput('Let me check.<|python_tag|>{"name": "get_weather", "parameters": {}}', llama31),
    ).toEqual({
      content: "Let me check.",
      toolCalls: [{ name: "get_weather", arguments: {} }],
    });
  });

  it("keeps every call of a python list, with Python values", () => {
    const text =
      "[get_weather(city='San Francisco', metric='celsius'), search(q=\"x, y\", n=3, ratio=-0.5, exact=TRUE, " +
      "filters={'tags': ['a', 'b'], 'safe': True}, last=none, ids=[1, 2],)]<|eot_id|>";
    expect(parseLlamaOutput(text, llama32)).toEqual({
      content: null,
      toolCalls: [
        { name: "get_weather", arguments: { city: "San Francisco", metric: "celsius" } },
        {
          name: "search",
          arguments: {
            q: "x, y",
            n: 3,
            ratio: -0.5,
            exact: true,
            filters: { tags: ["a", "b"], safe: true },
            last: null,
            ids: [1, 2],
          },
        },
      ],
    });
  });

  it("reads tagged python lists and llama-stack's {k=v} dicts", () => {
    expect(parseLlamaOutput('<|python_tag|>[search(q={a="b"})]', llama32).toolCalls).toEqual([
      { name: "search", arguments: { q: { a: "b" } } },
    ]);
  });

  it("treats calls to unknown tools as content, all or nothing", () => {
    expect(parseLlamaOutput("[delete_everything(now=True)]", llama32)).toEqual({
      content: "[delete_everything(now=True)]",
      toolCalls: [],
    });
    expect(parseLlamaOutput('[get_weather(city="A"), nope()]', llama32).toolCalls).toEqual([]);
    expect(parseLlamaOutput('{"name": "nope", "parameters": {}}', llama31).toolCalls).toEqual([]);
    const listed = { ...llama31, toolNames: ["get_weather"] };
    expect(parseLlamaOutput('<|python_tag|>brave_search.call(query="x")', listed).toolCalls).toEqual([]);
  });

  it("treats garbage and near-misses as content", () => {
    for (const text of [
      "[1, 2, 3]",
      "[see the docs](https://example.com)",
      '{"name": "get_weather"}',
      '{"name": "get_weather", "parameters": {"city": "A"}} and more',
      "get_weather(city='A')",
      "[get_weather(city='A')",
      "<function=get_weather>{broken</function>",
      "",
    ]) {
      expect(parseLlamaOutput(text, { ...llama32, toolNames: ["get_weather"] }).toolCalls).toEqual([]);
    }
  });

  it("reads python lists only when the format or the tag asks for them", () => {
    expect(parseLlamaOutput('[get_weather(city="A")]', llama31).toolCalls).toEqual([]);
    expect(parseLlamaOutput('<|python_tag|>[get_weather(city="A")]', llama31).toolCalls).toHaveLength(1);
  });
});
