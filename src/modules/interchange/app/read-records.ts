import { createReadStream } from 'node:fs';
import type { CaseEvent, CaseFacts } from '../../cases/domain/index.js';
import { caseFromRecord } from './interchange-mapping.js';
import { RECORD_SCHEMAS, type CommuneRecord, type EnforcerRecord, type OfficeRecord, type RecordType, type TargetRecord } from './interchange-schema.js';
import { vietnameseMessage, zodIssues, type ImportIssue, type Source } from './issues.js';
import { parseJsonLine } from './json-line.js';
import { MOBILISATION_SCHEMAS, type AssignmentRecordIn, type CampaignRecordIn, type TeamRecordIn } from './mobilisation-schema.js';

/** A record with the place it came from. */
export interface Located<T> {
  src: Source;
  rec: T;
}

export interface ParsedCase {
  facts: CaseFacts;
  events: CaseEvent[];
}

/** Every well-formed record of the files, and every problem of the malformed ones. */
export interface ParsedFiles {
  offices: Located<OfficeRecord>[];
  communes: Located<CommuneRecord>[];
  enforcers: Located<EnforcerRecord>[];
  targets: Located<TargetRecord>[];
  cases: Located<ParsedCase>[];
  teams: Located<TeamRecordIn>[];
  assignments: Located<AssignmentRecordIn>[];
  campaigns: Located<CampaignRecordIn>[];
  issues: ImportIssue[];
  lines: number;
  /** Codes named by malformed lines: references to them are not reported again. */
  broken: { office: Set<string>; commune: Set<string>; enforcer: Set<string>; case: Set<string>; team: Set<string> };
}

const SCHEMAS = { ...RECORD_SCHEMAS, ...MOBILISATION_SCHEMAS } as const;
type AnyType = RecordType | keyof typeof MOBILISATION_SCHEMAS;
const TYPES = Object.keys(SCHEMAS) as AnyType[];

/** Reads JSON Lines files one line at a time (any order of records), checking each against its schema. */
export async function readRecords(files: readonly string[], onLines?: (lines: number) => void): Promise<ParsedFiles> {
  const out: ParsedFiles = {
    offices: [], communes: [], enforcers: [], targets: [], cases: [], teams: [], assignments: [], campaigns: [], issues: [], lines: 0,
    broken: { office: new Set(), commune: new Set(), enforcer: new Set(), case: new Set(), team: new Set() },
  };
  for (const file of files) {
    try {
      await forEachLine(file, (text, line) => {
        out.lines++;
        if (out.lines % 5000 === 0) onLines?.(out.lines);
        if (text.trim() !== '') parseLine(out, text, { file, line });
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'không có tệp này' : code === 'EISDIR' ? 'là một thư mục' : e instanceof Error ? e.message : String(e);
      out.issues.push({ file, line: null, field: '', message: `Không đọc được tệp: ${reason}.` });
    }
  }
  onLines?.(out.lines);
  return out;
}

function parseLine(out: ParsedFiles, text: string, src: Source): void {
  let value: unknown;
  try {
    value = parseJsonLine(text);
  } catch (e) {
    out.issues.push({ ...src, field: '', message: `Dòng không phải JSON hợp lệ (${e instanceof Error ? e.message : String(e)}).` });
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.issues.push({ ...src, field: '', message: 'Mỗi dòng phải là một đối tượng JSON {…}.' });
    return;
  }
  const type = (value as { type?: unknown }).type;
  if (!TYPES.includes(type as AnyType)) {
    const message = type === undefined ? 'Thiếu trường bắt buộc.' : `Loại bản ghi không hợp lệ ${JSON.stringify(type)}; chọn một trong: ${TYPES.join(', ')}.`;
    out.issues.push({ ...src, field: 'type', message });
    return;
  }
  const r = SCHEMAS[type as AnyType].safeParse(value, { error: vietnameseMessage });
  if (!r.success) {
    out.issues.push(...zodIssues(r.error, src));
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' && (type === 'office' || type === 'commune' || type === 'enforcer')) out.broken[type].add(code);
    // A malformed case or team is reported once: the records naming it are not reported again.
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && type === 'case') out.broken.case.add(id);
    if (typeof id === 'string' && type === 'mobilisation_team') out.broken.team.add(id);
    return;
  }
  const rec = r.data;
  switch (rec.type) {
    case 'office': out.offices.push({ src, rec }); break;
    case 'commune': out.communes.push({ src, rec }); break;
    case 'enforcer': out.enforcers.push({ src, rec }); break;
    case 'target': out.targets.push({ src, rec }); break;
    case 'case': out.cases.push({ src, rec: caseFromRecord(rec) }); break;
    case 'mobilisation_team': out.teams.push({ src, rec }); break;
    case 'mobilisation_assignment': out.assignments.push({ src, rec }); break;
    case 'campaign': out.campaigns.push({ src, rec }); break;
  }
}

/** Calls `fn` for each line (1-based numbers), reading the file in chunks; a leading BOM is dropped. */
async function forEachLine(file: string, fn: (text: string, line: number) => void): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  let line = 0;
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    let data = rest + chunk;
    if (first) {
      if (data.charCodeAt(0) === 0xfeff) data = data.slice(1);
      first = false;
    }
    let start = 0;
    let nl = data.indexOf('\n', start);
    while (nl !== -1) {
      fn(stripCr(data.slice(start, nl)), ++line);
      start = nl + 1;
      nl = data.indexOf('\n', start);
    }
    rest = data.slice(start);
  }
  if (rest !== '') fn(stripCr(rest), ++line);
}

const stripCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);
