import { api } from '../../api/client';
import { fetchFile, saveFile } from '../../api/files';

export type CommitteeLevel = 'district' | 'province';
export type MemberRole = 'chair' | 'deputy_chair' | 'standing' | 'member';
export type MeetingKind = 'periodic' | 'extraordinary' | 'review';
export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TaskState = 'open' | 'overdue' | 'done' | 'cancelled';

export interface Committee {
  id: string;
  level: CommitteeLevel;
  name: string;
  unit: { code: string; name: string };
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo: string | null;
}

export interface CommitteeMember {
  id: string;
  name: string;
  position: string;
  agency: string;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export interface Meeting {
  id: string;
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  minutes: string | null;
  attendance: { memberId: string; present: boolean }[];
}

export interface SteeringTask {
  id: string;
  meetingId: string;
  meetingHeldOn: string;
  text: string;
  ownerAgency: string;
  deadline: string;
  status: TaskStatus;
  doneOn: string | null;
  state: TaskState;
  daysOverdue: number;
  followups: { id: string; on: string; note: string; by: string | null }[];
}

export interface CommitteeDetail {
  committee: Committee;
  members: CommitteeMember[];
  meetings: Meeting[];
  tasks: SteeringTask[];
  canManage: boolean;
}

export interface NewMeeting {
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  minutes?: string | null;
  attendance: { memberId: string; present: boolean }[];
  tasks: { text: string; ownerAgency: string; deadline: string }[];
}

/** The committees in force for a unit on a day (YYYY-MM-DD). */
export async function committeesInForce(unit: string, date: string): Promise<Committee[]> {
  return (await api.get<{ items: Committee[] }>(`/api/steering/committees?unit=${encodeURIComponent(unit)}&date=${date}`)).items;
}

export function getCommittee(id: string): Promise<CommitteeDetail> {
  return api.get<CommitteeDetail>(`/api/steering/committees/${encodeURIComponent(id)}`);
}

export function recordMeeting(committeeId: string, body: NewMeeting): Promise<{ meetingId: string; taskIds: string[] }> {
  return api.post(`/api/steering/committees/${encodeURIComponent(committeeId)}/meetings`, body);
}

export function addFollowup(taskId: string, body: { on: string; note: string }): Promise<{ task: SteeringTask }> {
  return api.post(`/api/steering/tasks/${encodeURIComponent(taskId)}/followups`, body);
}

export function setTaskStatus(taskId: string, body: { status: TaskStatus; doneOn?: string | null }): Promise<{ task: SteeringTask }> {
  return api.patch(`/api/steering/tasks/${encodeURIComponent(taskId)}`, body);
}

/** Downloads the office's report to the committee (.docx) and saves it under the server's file name. */
export async function downloadReport(unit: string, to: string, language: string): Promise<void> {
  saveFile(await fetchFile('/api/steering/report.docx', { unit, to }, language, `bao-cao-ban-chi-dao-${unit}-${to}.docx`));
}
