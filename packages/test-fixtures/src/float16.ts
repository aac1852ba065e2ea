const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);

/** IEEE 754 half-precision bits of a float32 bit pattern, rounding to nearest even. */
function float16BitsFromFloat32Bits(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200);
  const halfExponent = exponent - 112;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal half: value = m · 2^-24.
    if (halfExponent < -10) return sign;
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    const rest = significand & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    let result = significand >>> shift;
    if (rest > halfway || (rest === halfway && (result & 1) === 1)) result++;
    return sign | result;
  }
  let result = (halfExponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  if (rest > 0x1000 || (rest === 0x1000 && (result & 1) === 1)) result++;
  return sign | result;
}

/** Half-precision bit pattern of one number. */
export function float16Bits(value: number): number {
  float32[0] = value;
  return float16BitsFromFloat32Bits(float32Bits[0]!);
}

/** Half-precision bit patterns of a whole array (reads the float32 bits directly). */
export function toFloat16(values: Float32Array): Uint16Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const result = new Uint16Array(values.length);
  for (let index = 0; index < bits.length; index++) {
    result[index] = float16BitsFromFloat32Bits(bits[index]!);
  }
  return result;
}
