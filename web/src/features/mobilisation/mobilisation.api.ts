import { api } from '../../api/client';

export interface TeamMember {
  id: string;
  name: string;
  organisation: string;
  role: 'leader' | 'deputy' | 'member';
  phone: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface Team {
  id: string;
  name: string;
  office: string;
  commune: { code: string; name: string };
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo: string | null;
  members: TeamMember[];
}

/** The teams of a unit valid on `date` (YYYY-MM-DD), with the members valid that day. */
export async function listTeams(unit: string, date: string): Promise<Team[]> {
  return (await api.get<{ items: Team[] }>(`/api/mobilisation/teams?unit=${encodeURIComponent(unit)}&date=${date}`)).items;
}

export type VisitOutcome = 'agreed' | 'paid_on_spot' | 'refused' | 'not_home' | 'moved_away' | 'hardship';
export type VisitPlace = 'home' | 'commune_office' | 'phone';
export type PromiseState = 'kept' | 'broken' | 'due';

export interface MobilisedCase {
  id: string;
  decision: { number: string; date: string };
  status: string;
  obligors: { name: string; address: string | null }[];
  owed: string;
  outstanding: string;
  enforcer: { code: string; name: string | null } | null;
}

export interface OpenCase {
  case: MobilisedCase;
  assignment: { id: string; from: string; team: { id: string; name: string; commune: string } };
  lastVisit: { on: string; outcome: VisitOutcome } | null;
  nextPromise: { due: string; amount: string; state: PromiseState } | null;
  brokenPromises: number;
  /** The earliest promise whose date has not passed. */
  nextDue: { due: string; amount: string } | null;
}

export interface CaseMobilisation {
  case: MobilisedCase;
  assignments: {
    id: string; team: { id: string; name: string; commune: string | null }; from: string; to: string | null;
    members: { id: string; name: string; role: string }[];
  }[];
  visits: {
    id: string; on: string; place: VisitPlace; outcome: VisitOutcome; notes: string | null; members: { id: string; name: string }[];
    paidOnSpot: string | null; instalments: { due: string; amount: string; state: PromiseState }[];
  }[];
}

export interface NewVisit {
  on: string;
  place: VisitPlace;
  outcome: VisitOutcome;
  memberIds: string[];
  instalments?: { due: string; amount: string }[];
  paidOnSpot?: string | null;
  notes?: string | null;
}

/** The cases in the hands of the teams (a member's own team; staff: their units'; `mine`: an enforcer's own cases). */
export function openCases(opts: { mine?: boolean } = {}): Promise<{ today: string; items: OpenCase[] }> {
  return api.get(`/api/mobilisation/open-cases${opts.mine ? '?mine=true' : ''}`);
}

const casePath = (id: string) => `/api/mobilisation/cases/${id.split('/').map(encodeURIComponent).join('/')}`;

export function caseMobilisation(id: string): Promise<CaseMobilisation> {
  return api.get(casePath(id));
}

export function recordVisit(id: string, visit: NewVisit): Promise<{ visit: { id: string } }> {
  return api.post(`${casePath(id)}/visits`, visit);
}

export function assignToTeam(id: string, body: { teamId: string; from: string; coercionPlanned?: boolean }): Promise<{ assignment: { id: string } }> {
  return api.post(`${casePath(id)}/assignment`, body);
}

export function endTeamAssignment(id: string, on: string): Promise<{ assignment: { id: string; to: string } }> {
  return api.post(`${casePath(id)}/assignment/end`, { on });
}
