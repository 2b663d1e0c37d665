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
