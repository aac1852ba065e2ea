import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { z } from "zod";

/** Metres per unit of length. */
const LENGTH = { mm: 0.001, cm: 0.01, m: 1, km: 1000, in: 0.0254, ft: 0.3048, mi: 1609.344 };
type LengthUnit = keyof typeof LENGTH;
const UNITS = Object.keys(LENGTH) as [LengthUnit, ...LengthUnit[]];

/**
 * A custom tool group in a few lines: converts lengths between units. Name this file with
 * `module:` in a run config (see README.md); `defineToolGroup` checks the arguments, applies a
 * timeout and caps the output.
 */
export default defineToolGroup({
  type: "inline::unit-converter",
  description: "Converts lengths between units.",
  configSchema: z.strictObject({ decimals: z.number().int().min(0).max(12).default(4) }),
  defaultToolGroups: ["example::units"],
  create({ config }) {
    const convert = defineTool({
      name: "convert_length",
      description: "Converts a length from one unit to another (mm, cm, m, km, in, ft, mi).",
      parameters: z.object({ value: z.number(), from: z.enum(UNITS), to: z.enum(UNITS) }),
      handler: ({ value, from, to }) => {
        const result = Number(((value * LENGTH[from]) / LENGTH[to]).toFixed(config.decimals));
        return { content: `${value} ${from} = ${result} ${to}`, metadata: { result } };
      },
    });
    return { tools: () => [convert] };
  },
});
