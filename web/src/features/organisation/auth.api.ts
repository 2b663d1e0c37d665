import { api, setCsrfToken } from '../../api/client';
import type { Me, SessionResponse } from '../../api/types';

function keepToken(session: SessionResponse): Me {
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function login(username: string, password: string): Promise<Me> {
  return keepToken(await api.post<SessionResponse>('/api/auth/login', { username, password }, { quiet: true }));
}

/** The current session, quietly: a visitor without a session is not an error here. */
export async function fetchMe(): Promise<Me> {
  return keepToken(await api.get<SessionResponse>('/api/auth/me', { quiet: true }));
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout', undefined, { quiet: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password', { currentPassword, newPassword });
}

export async function switchActiveUnit(unitCode: string): Promise<Me> {
  const { user } = await api.post<{ user: Me }>('/api/auth/active-unit', { unitCode });
  return user;
}
