import { readGgufFileInfo } from "node-llama-cpp";
import { quantizationName } from "./quantization-name.ts";

export interface ModelHeader {
  name?: string | undefined;
  architecture?: string | undefined;
  contextLength?: number | undefined;
  quantization?: string | undefined;
}

/** The few GGUF header fields worth listing; reads only the metadata, not the tensors. */
export async function readModelHeader(path: string): Promise<ModelHeader> {
  const info = await readGgufFileInfo(path, {
    readTensorInfo: false,
    logWarnings: false,
    sourceType: "filesystem",
  });
  const general = info.metadata.general;
  const contextLength = (info.architectureMetadata as { context_length?: number | bigint }).context_length;
  return {
    name: general?.name,
    architecture: general?.architecture,
    contextLength: contextLength === undefined ? undefined : Number(contextLength),
    quantization: quantizationName(general?.file_type),
  };
}
