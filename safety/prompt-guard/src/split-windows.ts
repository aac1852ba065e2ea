/** `ids` cut into consecutive windows of at most `size` tokens (none for no tokens). */
export function splitWindows(ids: readonly number[], size: number): number[][] {
  if (!(Number.isInteger(size) && size > 0))
    throw new RangeError(`window size must be a positive integer, got ${size}`);
  const windows: number[][] = [];
  for (let start = 0; start < ids.length; start += size) windows.push(ids.slice(start, start + size));
  return windows;
}
