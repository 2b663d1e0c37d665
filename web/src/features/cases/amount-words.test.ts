import { describe, expect, it } from 'vitest';
import { amountInWords, digitsOf, groupDigits } from './amount-words';

describe('amountInWords', () => {
  it.each([
    ['0', 'Không đồng'],
    ['5', 'Năm đồng'],
    ['15', 'Mười lăm đồng'],
    ['21', 'Hai mươi mốt đồng'],
    ['105', 'Một trăm lẻ năm đồng'],
    ['1005', 'Một nghìn không trăm lẻ năm đồng'],
    ['300000', 'Ba trăm nghìn đồng'],
    ['1234567', 'Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng'],
    ['15300000', 'Mười lăm triệu ba trăm nghìn đồng'],
    ['2000000001', 'Hai tỷ không trăm lẻ một đồng'],
    ['1000000000000', 'Một nghìn tỷ đồng'],
  ])('%s → %s', (digits, words) => {
    expect(amountInWords(digits)).toBe(words);
  });

  it('gives nothing for what is not a whole number of đồng', () => {
    expect(amountInWords('')).toBe('');
    expect(amountInWords('1.5')).toBe('');
    expect(amountInWords('-3')).toBe('');
    expect(amountInWords(null)).toBe('');
  });

  it('takes bigints beyond 2^53', () => {
    expect(amountInWords(9007199254740993n)).toMatch(/^Chín triệu .* đồng$/);
  });
});

describe('digitsOf / groupDigits', () => {
  it('keeps only the digits of what was typed and groups them with dots', () => {
    expect(digitsOf('1.500.000 đ')).toBe('1500000');
    expect(digitsOf('007')).toBe('7');
    expect(digitsOf('0')).toBe('0');
    expect(groupDigits('1500000')).toBe('1.500.000');
    expect(groupDigits('999')).toBe('999');
  });
});
