// Vietnamese number notation, the one copy for the server and the web: "." groups thousands, "," marks
// decimals, a negative number starts with "-". The grouping is Intl.NumberFormat('vi-VN') (issue #11:
// one kernel function instead of seven hand-written regular expressions); Node ships full ICU and so do
// the browsers we support, and the tests pin the output byte for byte ("1.234", hyphen-minus), so a
// runtime with other locale data fails the suite instead of printing a different form.

const WHOLE = /^-?\d+$/;
const VI_WHOLE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, useGrouping: true });

/** A whole number as a bigint; fractions and non-numbers are refused, never rounded (money is whole đồng). */
function wholeOf(value: bigint | number | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new RangeError(`not a whole number: ${value}`);
    return BigInt(value);
  }
  const text = value.trim();
  if (!WHOLE.test(text)) throw new RangeError(`not a whole number: "${value}"`);
  return BigInt(text);
}

/** A whole number with Vietnamese digit grouping: 1234567n → "1.234.567", -1234 → "-1.234", "0042" → "42". Exact for any bigint. */
export function groupDigits(value: bigint | number | string): string {
  return VI_WHOLE.format(wholeOf(value));
}

/** Whole đồng for display: 1234567n → "1.234.567 đ". */
export function formatMoneyVnd(value: bigint | number | string): string {
  return `${groupDigits(value)} đ`;
}

/** An exact count of hundredths with its 2 decimals: 7743n → "77,43", 10000n → "100,00", 123450n → "1.234,50". */
export function formatHundredths(hundredths: bigint): string {
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${hundredths < 0n ? '-' : ''}${groupDigits(abs / 100n)},${(abs % 100n).toString().padStart(2, '0')}`;
}

const decimalFormats = new Map<number, Intl.NumberFormat>();

/** A measured quantity (seconds, rates of work) rounded half away from zero to `fractionDigits` decimals: 1234.56 → "1.234,6". */
export function formatDecimal(value: number, fractionDigits: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20) throw new RangeError(`bad number of decimals: ${fractionDigits}`);
  let f = decimalFormats.get(fractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, signDisplay: 'negative' });
    decimalFormats.set(fractionDigits, f);
  }
  return f.format(value);
}
