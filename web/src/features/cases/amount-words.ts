import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { groupDigits as groupWhole } from '@kernel/format';

// Amounts in Vietnamese words, as written under figures on enforcement documents ("Bằng chữ: …").
const config = new ReadingConfig();
config.unit = ['đồng'];
config.units = [[], ['nghìn'], ['triệu'], ['tỷ']];

/** "15300000" → "Mười lăm triệu ba trăm nghìn đồng"; "" when the value is not a whole number of đồng. */
export function amountInWords(value: string | bigint | null | undefined): string {
  const digits = typeof value === 'bigint' ? value.toString() : (value ?? '').trim();
  if (!/^\d{1,18}$/.test(digits)) return '';
  try {
    const words = doReadNumber(digits, config);
    return words.charAt(0).toUpperCase() + words.slice(1);
  } catch {
    return '';
  }
}

/** Only digits, leading zeros dropped: what an amount field holds ("1.500.000 đ" typed or pasted → "1500000"). */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

/** "1500000" → "1.500.000" (no currency sign: the field shows "đ" beside it); anything but digits is shown as it is. */
export function groupDigits(digits: string): string {
  return /^\d+$/.test(digits) ? groupWhole(digits) : digits;
}
