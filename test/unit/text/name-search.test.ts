import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchNamesOf, searchTermsOf } from '../../../src/platform/db/migrations/0005_case_name_search.js';
import { nameWords, parseNameQuery, searchNames, searchTerms } from '../../../src/kernel/text/name-search.js';

describe('search names', () => {
  it('folds each name to its words and keeps parties apart', () => {
    expect(searchNames(['Nguyễn Văn An', 'Công ty TNHH  Đức-Phát'])).toBe('nguyen van an | cong ty tnhh duc phat');
    expect(searchTerms(['Nguyễn Văn An', 'Trần Văn Bình'])).toEqual(['nguyen', 'van', 'an', 'nguyen van', 'van an', 'tran', 'binh', 'tran van', 'van binh']);
    expect(nameWords('  ĐẶNG   THỊ  Ửng ')).toEqual(['dang', 'thi', 'ung']);
  });

  it('the frozen copy in migration 0005 folds exactly as the domain does', () => {
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789 -.,'];
    const name = fc.array(fc.constantFrom(...letters), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), (names) => {
        expect(searchNamesOf(names)).toBe(searchNames(names));
        expect(searchTermsOf(searchNamesOf(names)).sort()).toEqual(searchTerms(names).sort());
      }),
      { numRuns: 500 },
    );
    // NFC and NFD input fold alike.
    expect(searchNamesOf(['Nguyễn'.normalize('NFD')])).toBe(searchNames(['Nguyễn']));
  });
});

describe('name queries', () => {
  it('are words in order, the last one possibly unfinished', () => {
    expect(parseNameQuery('Nguyễn Văn A')).toEqual({ words: ['nguyen', 'van', 'a'], complete: ['nguyen', 'van', 'nguyen van'], last: 'van a', pattern: '% nguyen van a%' });
    expect(parseNameQuery('nguyen')).toEqual({ words: ['nguyen'], complete: [], last: 'nguyen', pattern: '% nguyen%' });
    expect(parseNameQuery('Lê Lê Lợi')).toMatchObject({ complete: ['le', 'le le'], last: 'le loi' });
  });

  it('are not name queries when they hold digits or no letters', () => {
    expect(parseNameQuery('16/QĐ-THADS')).toBeNull();
    expect(parseNameQuery('TN-KV3-2027-00001')).toBeNull();
    expect(parseNameQuery(' - / ')).toBeNull();
  });
});
