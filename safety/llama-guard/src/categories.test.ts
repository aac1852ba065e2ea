import { describe, expect, it } from "vitest";
import {
  activeCategories,
  CATEGORY_CODES,
  CATEGORY_NAMES,
  categoriesForModel,
  ExcludedCategoriesSchema,
  isCategoryCode,
} from "./categories.ts";

const THIRTEEN = CATEGORY_CODES.filter((code) => code !== "S14");

describe("CATEGORY_NAMES", () => {
  it("uses the prompt names, not the model-card names", () => {
    expect(CATEGORY_NAMES.S3).toBe("Sex Crimes");
    expect(CATEGORY_NAMES.S4).toBe("Child Exploitation");
    expect(CATEGORY_NAMES.S11).toBe("Self-Harm");
    expect(CATEGORY_NAMES.S14).toBe("Code Interpreter Abuse");
    expect(Object.keys(CATEGORY_NAMES)).toEqual([...CATEGORY_CODES]);
  });
});

describe("isCategoryCode", () => {
  it.each(["S1", "S9", "S10", "S14"])("%s is a code", (code) => expect(isCategoryCode(code)).toBe(true));
  it.each(["S0", "S15", "s1", "S01", " S1", "1", 1, null])("%s is not", (code) =>
    expect(isCategoryCode(code)).toBe(false),
  );
});

describe("categoriesForModel", () => {
  it.each([
    "Llama-Guard-3-1B",
    "meta-llama/Llama-Guard-3-1B",
    "llama-guard-3-1b",
    "Llama-Guard-3-11B-Vision",
    "meta-llama/Llama-Guard-3-11B-Vision",
    "Llama-Guard-4-12B",
    "meta-llama/Llama-Guard-4-12B",
    "Llama-Guard-3-1B-Q4_K_M",
    "Llama-Guard-3-1B-INT4",
    "llama-guard3:1b",
    "hf:QuantFactory/Llama-Guard-3-1B-GGUF:Q4_K_M",
    "hf_QuantFactory_Llama-Guard-3-1B.Q4_K_M.gguf",
    "RichardErkhov/meta-llama_-_Llama-Guard-3-1B-gguf",
    "onnx-community/Llama-Guard-3-1B",
    "LlamaGuard-3-1B",
  ])("%s → 13 categories", (id) => {
    expect(categoriesForModel(id)).toEqual(THIRTEEN);
  });

  it.each([
    "Llama-Guard-3-8B",
    "meta-llama/Llama-Guard-3-8B",
    "META-LLAMA/LLAMA-GUARD-3-8B",
    "llama-guard3:8b",
    "llama-guard3",
    "hf:legraphista/Llama-Guard-3-8B-IMat-GGUF:Q4_K",
    "Llama-Guard-3-8B.Q8_0.gguf",
    "my-custom-guard",
    "",
  ])("%s → 14 categories", (id) => {
    expect(categoriesForModel(id)).toEqual([...CATEGORY_CODES]);
  });

  it("returns a fresh array", () => {
    const first = categoriesForModel("Llama-Guard-3-8B");
    first.pop();
    expect(categoriesForModel("Llama-Guard-3-8B")).toHaveLength(14);
  });
});

describe("ExcludedCategoriesSchema", () => {
  it("accepts codes", () => {
    expect(ExcludedCategoriesSchema.parse(["S1", "S14"])).toEqual(["S1", "S14"]);
    expect(ExcludedCategoriesSchema.parse([])).toEqual([]);
  });

  it.each(["S15", "s1", "Violent Crimes", "S0"])("rejects %s with a message naming it", (bad) => {
    const result = ExcludedCategoriesSchema.safeParse(["S1", bad]);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual([1]);
    expect(result.error?.issues[0]?.message).toContain(JSON.stringify(bad));
    expect(result.error?.issues[0]?.message).toContain("S1 to S14");
  });

  it("rejects a non-array", () => {
    expect(ExcludedCategoriesSchema.safeParse("S1").success).toBe(false);
  });
});

describe("activeCategories", () => {
  it("removes excluded codes from the model's categories", () => {
    expect(activeCategories("Llama-Guard-3-8B", ["S2", "S14"])).toEqual(
      CATEGORY_CODES.filter((code) => code !== "S2" && code !== "S14"),
    );
    expect(activeCategories("Llama-Guard-3-1B", ["S13"])).toEqual(THIRTEEN.filter((c) => c !== "S13"));
  });

  it("defaults to no exclusions", () => {
    expect(activeCategories("Llama-Guard-3-1B")).toEqual(THIRTEEN);
  });

  it("excludes nothing when every code is excluded (upstream rule)", () => {
    expect(activeCategories("Llama-Guard-3-8B", [...CATEGORY_CODES])).toEqual([...CATEGORY_CODES]);
    expect(activeCategories("Llama-Guard-3-1B", [...CATEGORY_CODES])).toEqual(THIRTEEN);
  });

  it("excludes nothing when every code of this model is excluded", () => {
    expect(activeCategories("Llama-Guard-3-1B", THIRTEEN)).toEqual(THIRTEEN);
  });
});
