import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as auth from '../features/organisation/auth.api';
import { ApiError, setPasswordChangeRequiredHandler, setSessionLostHandler } from '../api/client';
import type { Me } from '../api/types';
import type { MessageKey } from '../i18n/messages';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'anonymous'; notice: MessageKey | null }
  | { status: 'authenticated'; me: Me };

interface SessionValue {
  state: SessionState;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reloads the current user (after a password change, or when the server asks for one). */
  refresh: () => Promise<void>;
  /** Replaces the current user with the server's newer copy (after switching the active unit). */
  update: (me: Me) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await auth.fetchMe();
      setState({ status: 'authenticated', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        const notice = error.code === 'AUTH_SESSION_EXPIRED' ? 'error.sessionExpired' : null;
        setState({ status: 'anonymous', notice });
      } else {
        setState({ status: 'unavailable', error });
      }
    }
  }, []);

  useEffect(() => {
    void refresh();
    setSessionLostHandler(() => setState({ status: 'anonymous', notice: 'error.sessionExpired' }));
    setPasswordChangeRequiredHandler(() => void refresh());
    return () => {
      setSessionLostHandler(null);
      setPasswordChangeRequiredHandler(null);
    };
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      refresh,
      login: async (username, password) => {
        const me = await auth.login(username, password);
        setState({ status: 'authenticated', me });
        return me;
      },
      logout: async () => {
        try {
          await auth.logout();
        } finally {
          setState({ status: 'anonymous', notice: 'login.loggedOut' });
        }
      },
      update: (me) => setState({ status: 'authenticated', me }),
    }),
    [state, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireSession>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe() without a session');
  return state.me;
}

export function useCan(): (permission: string) => boolean {
  const me = useMe();
  return useCallback((permission: string) => me.permissions.includes(permission), [me]);
}
