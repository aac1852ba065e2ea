import { GgufFileType } from "node-llama-cpp";

/** `general.file_type` as the quant name people search for (`15` → `Q4_K_M`). */
export function quantizationName(fileType: number | undefined): string | undefined {
  if (fileType === undefined) return undefined;
  const name = GgufFileType[fileType] as string | undefined;
  return name?.replace(/^(MOSTLY|ALL)_/, "") ?? `type ${fileType}`;
}
