import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.js';
import { type CaseEvent, type CaseFacts, type CaseState, replay, validateNewCase } from '../../cases/domain/index.js';
import { eventToRecord, factsToRecord } from './interchange-mapping.js';
import { domainFieldToPath, type ImportIssue, type Source } from './issues.js';
import { toJsonLine } from './json-line.js';
import { loadStoredCases } from './case-store.js';
import type { Located, ParsedCase, ParsedFiles } from './read-records.js';
import type { ReferencePlan } from './reference-plan.js';

/** A case to insert, with its state after replaying its events. */
export interface NewCase {
  facts: CaseFacts;
  events: CaseEvent[];
  state: CaseState;
}
/** An existing case whose stored events are a prefix of the file's: the rest is appended. */
export interface AppendedCase extends NewCase {
  src: Source;
  /** Version (= last event seq) in the database; new events take seq fromVersion+1… */
  fromVersion: number;
  newEvents: CaseEvent[];
}
export interface CasePlan {
  created: NewCase[];
  appended: AppendedCase[];
  skipped: number;
}

const CHUNK = 5000;

/**
 * Checks every case of an import: unique ids, references (office, commune, enforcers, receiving offices),
 * the domain's rules (validateNewCase, then replay of the events in file order), and for a case already in
 * the database: identical → skipped; stored events a prefix of the file's → the rest appended; else an error.
 */
export async function planCases(tx: Tx, parsed: ParsedFiles, refs: ReferencePlan, issues: ImportIssue[], officeCode: (id: number) => string, onCase?: (n: number) => void): Promise<CasePlan> {
  const firstById = new Map<string, Located<ParsedCase>>();
  const cases: Located<ParsedCase>[] = [];
  for (const c of parsed.cases) {
    const first = firstById.get(c.rec.facts.id);
    if (first) issues.push({ ...c.src, field: 'id', message: `Mã việc "${c.rec.facts.id}" trùng với việc ở ${first.src.file}:${first.src.line}.` });
    else {
      firstById.set(c.rec.facts.id, c);
      cases.push(c);
    }
  }
  const plan: CasePlan = { created: [], appended: [], skipped: 0 };
  let done = 0;
  for (let i = 0; i < cases.length; i += CHUNK) {
    const chunk = cases.slice(i, i + CHUNK);
    const ids = chunk.map((c) => c.rec.facts.id);
    const present = await tx.selectFrom('cases').select('id').where('id', '=', sql<string>`ANY(${ids}::text[])`).execute();
    const stored = await loadStoredCases(tx, present.map((r) => r.id), officeCode);
    for (const { src, rec } of chunk) {
      const at = (field: string, message: string) => issues.push({ ...src, field, message });
      checkReferences(rec, refs, at);
      for (const e of validateNewCase(rec.facts)) at(domainFieldToPath(e.field), e.message);
      const r = replay(rec.facts, rec.events);
      if (!r.ok) {
        for (const e of r.errors) at(domainFieldToPath(e.field, `events[${r.failedAt ?? 0}]`), e.message);
      }
      const existing = stored.get(rec.facts.id);
      if (!r.ok) {
        // reported above
      } else if (!existing) {
        plan.created.push({ facts: rec.facts, events: rec.events, state: r.value });
      } else {
        const outcome = compareWithStored(rec, existing.facts, existing.events, at);
        if (outcome === 'same') plan.skipped++;
        else if (outcome === 'prefix') {
          plan.appended.push({ src, facts: rec.facts, events: rec.events, state: r.value, fromVersion: existing.version, newEvents: rec.events.slice(existing.events.length) });
        }
      }
      if (++done % 1000 === 0) onCase?.(done);
    }
  }
  onCase?.(done);
  return plan;
}

function checkReferences(c: ParsedCase, refs: ReferencePlan, at: (field: string, message: string) => void) {
  const office = (code: string, field: string, levelOffice: boolean) => {
    const u = refs.units.get(code);
    if (!u) at(field, `Không có đơn vị mã "${code}" trong tệp hay trong cơ sở dữ liệu.`);
    else if (levelOffice && u.level !== 'office') at(field, `"${code}" không phải cơ quan THADS cấp khu vực/huyện.`);
  };
  const f = c.facts;
  office(f.office, 'office', true);
  if (f.commune !== null && !refs.communes.has(f.commune)) at('commune', `Không có xã/phường mã "${f.commune}" trong tệp hay trong cơ sở dữ liệu.`);
  if (f.enforcer !== null && !refs.enforcers.has(f.enforcer)) at('enforcer', `Không có chấp hành viên mã "${f.enforcer}" trong tệp hay trong cơ sở dữ liệu.`);
  c.events.forEach((e, i) => {
    if (e.type === 'enforcer_assigned' && !refs.enforcers.has(e.enforcer)) at(`events[${i}].enforcer`, `Không có chấp hành viên mã "${e.enforcer}" trong tệp hay trong cơ sở dữ liệu.`);
    if (e.type === 'office_changed') office(e.to, `events[${i}].to`, true);
    if (e.type === 'transferred_out') office(e.to, `events[${i}].to`, false);
  });
}

const FACT_KEYS = ['office', 'decision', 'accepted_on', 'initiation', 'category', 'judgment', 'commune', 'enforcer', 'parties', 'obligations'] as const;

function compareWithStored(c: ParsedCase, facts: CaseFacts, events: readonly CaseEvent[], at: (field: string, message: string) => void): 'same' | 'prefix' | 'conflict' {
  const mine = factsToRecord(c.facts);
  const theirs = factsToRecord(facts);
  const differing = FACT_KEYS.filter((k) => toJsonLine(mine[k]) !== toJsonLine(theirs[k]));
  if (differing.length) {
    at(differing[0]!, `Việc "${c.facts.id}" đã có trong cơ sở dữ liệu với thông tin khác (${differing.join(', ')}); không thể nhập đè.`);
    return 'conflict';
  }
  const n = Math.min(events.length, c.events.length);
  for (let i = 0; i < n; i++) {
    if (toJsonLine(eventToRecord(events[i]!)) !== toJsonLine(eventToRecord(c.events[i]!))) {
      at(`events[${i}]`, `Sự kiện khác với sự kiện thứ ${i + 1} đã ghi trong cơ sở dữ liệu (${toJsonLine(eventToRecord(events[i]!))}); chỉ được bổ sung sự kiện mới vào cuối.`);
      return 'conflict';
    }
  }
  if (c.events.length < events.length) {
    at('events', `Cơ sở dữ liệu đã có ${events.length} sự kiện cho việc "${c.facts.id}", tệp chỉ có ${c.events.length}; nhập tệp không xóa được sự kiện (hãy dùng bút toán đảo).`);
    return 'conflict';
  }
  return c.events.length === events.length ? 'same' : 'prefix';
}

/**
 * Locks the cases that get new events and checks that nobody recorded an event since they were read
 * (cases that are only compared are not locked: a re-import of a large file writes nothing).
 */
export async function lockAppended(tx: Tx, cases: readonly AppendedCase[], issues: ImportIssue[]): Promise<void> {
  for (let i = 0; i < cases.length; i += CHUNK) {
    const chunk = cases.slice(i, i + CHUNK);
    const rows = await tx.selectFrom('cases').select(['id', 'version']).where('id', '=', sql<string>`ANY(${chunk.map((c) => c.facts.id)}::text[])`).forUpdate().execute();
    const version = new Map(rows.map((r) => [r.id, r.version]));
    for (const c of chunk) {
      if (version.get(c.facts.id) !== c.fromVersion) {
        issues.push({ ...c.src, field: 'events', message: `Việc "${c.facts.id}" vừa được cập nhật trong lúc nhập; hãy chạy lại lệnh nhập.` });
      }
    }
  }
}
