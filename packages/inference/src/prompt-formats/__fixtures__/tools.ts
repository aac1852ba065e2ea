import type { FunctionTool } from "@llama-stack-ts/api";

/** The reference's example tools (llama-stack prompt-format docs). */
export const trendingSongs: FunctionTool = {
  type: "function",
  function: {
    name: "trending_songs",
    description: "Returns the trending songs on a Music site",
    parameters: {
      type: "object",
      properties: {
        n: { type: "integer", description: "The number of songs to return" },
        genre: { type: "string", description: "The genre of the songs to return" },
      },
      required: ["n"],
    },
  },
};

export const getWeather: FunctionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get weather info for places",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string", description: "The name of the city to get the weather for" },
        metric: {
          type: "string",
          description: "The metric for weather. Options are: celsius, fahrenheit",
          default: "celsius",
        },
      },
      required: ["city"],
    },
  },
};

function builtin(name: string): FunctionTool {
  return {
    type: "function",
    function: { name, parameters: { type: "object", properties: { query: { type: "string" } } } },
  };
}

export const braveSearch = builtin("brave_search");
export const wolframAlpha = builtin("wolfram_alpha");
export const codeInterpreter: FunctionTool = {
  type: "function",
  function: {
    name: "code_interpreter",
    parameters: { type: "object", properties: { code: { type: "string" } } },
  },
};
