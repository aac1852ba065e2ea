const UNITS = ["B", "kB", "MB", "GB", "TB"];

/** Decimal units, as Hugging Face lists file sizes, so the numbers match the model page. */
export function humanSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
