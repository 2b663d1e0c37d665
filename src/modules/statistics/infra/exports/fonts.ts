import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The committed font of the printed reports: Tinos (metric-compatible with Times New Roman, the font of
 * Vietnamese administrative documents, Nghị định 30/2020/NĐ-CP), SIL Open Font License 1.1
 * (assets/fonts/OFL.txt). It carries every Vietnamese letter and tone mark (ă â đ ê ô ơ ư, ạ ả ã ế ề ể ễ ệ …).
 */
export const FONT_FAMILY = 'Tinos';
export const FONT_FILES = {
  normal: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italics: 'Tinos-Italic.ttf',
  bolditalics: 'Tinos-BoldItalic.ttf',
} as const;

let cached: string | undefined;

/**
 * assets/fonts of the repository, found by walking up from this module (src/modules/statistics/infra/exports when run from
 * source, dist/server/modules/statistics/infra/exports when built).
 */
export function fontsDir(): string {
  if (cached) return cached;
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (existsSync(path.join(candidate, FONT_FILES.normal))) return (cached = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`assets/fonts/${FONT_FILES.normal} not found above ${import.meta.dirname}`);
    dir = parent;
  }
}

/** Absolute paths of the four styles. */
export function fontPaths(dir = fontsDir()): Record<keyof typeof FONT_FILES, string> {
  return {
    normal: path.join(dir, FONT_FILES.normal),
    bold: path.join(dir, FONT_FILES.bold),
    italics: path.join(dir, FONT_FILES.italics),
    bolditalics: path.join(dir, FONT_FILES.bolditalics),
  };
}
