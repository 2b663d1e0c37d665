/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Nguyễn Văn An" and "nguyen van an" fold to the same string.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
