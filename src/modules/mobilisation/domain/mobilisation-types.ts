import type { IsoDate } from '../../../kernel/calendar/index.js';

/**
 * Commune mobilisation teams (Tổ vận động THADS, domain.md §5): the organisations their members come from,
 * their roles in the team, where a visit took place and what came of it. Closed lists: the figures of
 * item 4 of the mobilisation issue count by these codes, so a free-text outcome could not be counted.
 */
export const MEMBER_ORGANISATIONS = [
  'ubnd_xa', // Ủy ban nhân dân xã
  'mttq', // Ủy ban Mặt trận Tổ quốc xã
  'hoi_nong_dan',
  'hoi_phu_nu',
  'doan_thanh_nien',
  'hoi_cuu_chien_binh',
  'cong_an_xa',
  'truong_ap', // trưởng ấp / khóm
  'co_quan_thads', // the office's own staff attached to the team
  'khac',
] as const;
export type MemberOrganisation = (typeof MEMBER_ORGANISATIONS)[number];

export const TEAM_ROLES = ['leader', 'deputy', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const VISIT_PLACES = ['home', 'commune_office', 'phone'] as const;
export type VisitPlace = (typeof VISIT_PLACES)[number];

/**
 * What a visit achieved. `agreed` (to comply with an amount on a schedule: the schedule becomes promised
 * instalments) and `paid_on_spot` are the outcomes that can move the case; `hardship` proposes that the
 * enforcer verify the conditions to enforce again (Decree 62 Art. 9; Decree 152/2026 on verification).
 */
export const VISIT_OUTCOMES = ['agreed', 'paid_on_spot', 'refused', 'not_home', 'moved_away', 'hardship'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** The outcomes after which a payment or performance within the window is the team's result. */
export const PERSUADING_OUTCOMES: ReadonlySet<VisitOutcome> = new Set(['agreed', 'paid_on_spot']);

export interface TeamMember {
  id: string;
  name: string;
  organisation: MemberOrganisation;
  role: TeamRole;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface Team {
  id: string;
  office: string;
  commune: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  members: TeamMember[];
}

/** One promised instalment of an agreed schedule: pay `amount` đồng by `due`. */
export interface Instalment {
  due: IsoDate;
  amount: bigint;
}

export interface Visit {
  id: string;
  teamId: string;
  caseId: string;
  on: IsoDate;
  place: VisitPlace;
  outcome: VisitOutcome;
  memberIds: string[];
  /** Only for `agreed`: the schedule the obligor agreed to. */
  instalments: Instalment[];
  /** Only for `paid_on_spot`: what was paid during the visit (recorded in the case as a payment). */
  paidOnSpot: bigint | null;
}

export interface Assignment {
  id: string;
  caseId: string;
  teamId: string;
  from: IsoDate;
  /** Null while open; one open assignment per case. */
  to: IsoDate | null;
}
