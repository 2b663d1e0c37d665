import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFacts } from '../../src/modules/cases/domain/case-types.js';
import { arbCaseHistory, type CaseHistory } from '../support/case-factory.js';
import { createEmptyTestDatabase } from '../support/empty-db.js';
import { canonicalSet, exportText, fixture, importFiles, readLines, writeLines } from '../support/interchange-helpers.js';
import type { TestDatabase } from '../support/test-db.js';

/**
 * Round trip (interchange.md): importing an export into an empty database reproduces every case, event
 * and amount. (a) a fixture with every record and event type; (b) random valid histories (fast-check).
 */
describe('fixture round trip', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createEmptyTestDatabase();
  });
  afterAll(async () => tdb.drop());

  it('exports exactly the lines it imported (modulo order and key order), every event type included', async () => {
    const input = readLines(fixture('full.jsonl'));
    const types = new Set(input.flatMap((l) => (JSON.parse(l) as { events?: { type: string }[] }).events?.map((e) => e.type) ?? []));
    expect(types.size).toBe(21);
    expect((await importFiles(tdb.db, [fixture('full.jsonl')])).issueLines).toEqual([]);
    const exported = (await exportText(tdb.db)).trim().split('\n');
    expect(canonicalSet(exported)).toEqual(canonicalSet(input));
    // Amounts beyond 2^53 đồng are written as exact JSON integers.
    expect(exported.find((l) => l.includes('LA-CT-2018-00003'))).toContain('"amount":9007199254740993');
  });
});

// Reference records for the offices, enforcers and communes the case factory uses.
const REFERENCES = [
  { type: 'office', code: 'VN', name: 'Cục Quản lý thi hành án dân sự', level: 'national', parent: null, valid_from: '2009-07-01', valid_to: null },
  { type: 'office', code: 'LA', name: 'Cục THADS tỉnh Long An', level: 'province', parent: 'VN', valid_from: '2009-07-01', valid_to: '2025-06-30', successor: 'TN' },
  { type: 'office', code: 'TN', name: 'THADS tỉnh Tây Ninh', level: 'province', parent: 'VN', valid_from: '2025-07-01', valid_to: null },
  { type: 'office', code: 'HN', name: 'THADS thành phố Hà Nội', level: 'province', parent: 'VN', valid_from: '2009-07-01', valid_to: null },
  { type: 'office', code: 'LA-CT', name: 'Chi cục THADS huyện Châu Thành', level: 'office', parent: 'LA', valid_from: '2009-07-01', valid_to: '2025-06-30', successor: 'TN-KV3' },
  { type: 'office', code: 'TN-KV1', name: 'Phòng THADS khu vực 1', level: 'office', parent: 'TN', valid_from: '2025-07-01', valid_to: null },
  { type: 'office', code: 'TN-KV3', name: 'Phòng THADS khu vực 3', level: 'office', parent: 'TN', valid_from: '2025-07-01', valid_to: null },
  { type: 'office', code: 'HN-KV1', name: 'Phòng THADS khu vực 1 – Hà Nội', level: 'office', parent: 'HN', valid_from: '2025-07-01', valid_to: null },
  { type: 'enforcer', code: 'LA-CT-01', name: 'Nguyễn Văn An', office: 'LA-CT' },
  { type: 'enforcer', code: 'LA-CT-02', name: 'Trần Thị Bích Ngọc', office: 'LA-CT' },
  { type: 'enforcer', code: 'TN-KV3-05', name: 'Lê Hoàng Phúc', office: 'TN-KV3' },
  { type: 'commune', code: '27901', name: 'Xã Mỹ Quý Đông', office: 'LA-CT' },
  { type: 'commune', code: '27904', name: 'Xã Mỹ Thạnh Bắc', office: 'LA-CT' },
];

const amount = (n: bigint) => Number(n); // the factory's amounts stay below 2^53

/** The interchange object of a case, written from interchange.md independently of the code under test. */
function interchangeCase({ facts: f, events }: CaseHistory): Record<string, unknown> {
  return {
    type: 'case', id: f.id, office: f.office, decision: f.decision, accepted_on: f.acceptedOn, initiation: f.initiation, category: f.category,
    judgment: f.judgment, commune: f.commune, enforcer: f.enforcer,
    parties: f.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name, id_number: p.idNumber, address: p.address })),
    obligations: f.obligations.map((o) =>
      o.kind === 'money'
        ? { id: o.id, kind: o.kind, beneficiary: o.beneficiary, label: o.label, amount: amount(o.amount) }
        : { id: o.id, kind: o.kind, beneficiary: o.beneficiary, label: o.label, ...(o.value === null ? {} : { value: amount(o.value) }) },
    ),
    events: events.map(interchangeEvent),
  };
}

function interchangeEvent(e: CaseEvent): Record<string, unknown> {
  switch (e.type) {
    case 'payment': case 'reduced': case 'disbursed': return { ...e, amount: amount(e.amount) };
    case 'auctioned': return { ...e, proceeds: e.proceeds === null ? null : amount(e.proceeds) };
    case 'transferred_out': return { type: e.type, on: e.on, to: e.to, partially_performed: e.partiallyPerformed };
    default: return { ...e };
  }
}

describe('property: random valid histories survive import and export', () => {
  it('reproduces every case, event and amount (50 runs, a handful of cases each, a fresh database each)', async () => {
    const histories = fc.uniqueArray(arbCaseHistory({ maxSteps: 15 }), { minLength: 1, maxLength: 5, selector: (h: { facts: CaseFacts }) => h.facts.id });
    await fc.assert(
      fc.asyncProperty(histories, async (cases) => {
        const tdb = await createEmptyTestDatabase();
        try {
          const input = [...REFERENCES, ...cases.map(interchangeCase)].map((o) => JSON.stringify(o));
          const r = await importFiles(tdb.db, [writeLines(input)]);
          expect(r.issueLines).toEqual([]);
          expect(r.ok && r.counts.casesCreated).toBe(cases.length);
          const exported = (await exportText(tdb.db)).trim().split('\n');
          expect(canonicalSet(exported)).toEqual(canonicalSet(input));
        } finally {
          await tdb.drop();
        }
      }),
      { numRuns: 50 },
    );
  }, 300_000);
});
