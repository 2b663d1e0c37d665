import { api } from '../../api/client';
import type { Page, Role, User } from '../../api/types';

export interface UserQuery {
  q?: string;
  role?: Role;
  unit?: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  password: string;
}

export interface UserChanges {
  fullName?: string;
  role?: Role;
  unitCode?: string;
  disabled?: boolean;
}

export function listUsers(query: UserQuery): Promise<Page<User>> {
  return api.get<Page<User>>('/api/users', { query: { ...query } });
}

export async function createUser(user: NewUser): Promise<User> {
  return (await api.post<{ user: User }>('/api/users', user)).user;
}

export async function updateUser(id: User['id'], changes: UserChanges): Promise<User> {
  return (await api.patch<{ user: User }>(`/api/users/${encodeURIComponent(String(id))}`, changes)).user;
}

export function resetPassword(id: User['id'], newPassword: string): Promise<void> {
  return api.post<void>(`/api/users/${encodeURIComponent(String(id))}/reset-password`, { newPassword });
}

export function unlockUser(id: User['id']): Promise<void> {
  return api.post<void>(`/api/users/${encodeURIComponent(String(id))}/unlock`);
}
