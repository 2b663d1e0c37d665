import { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n.context';

/** The message to show for a failed request: the server's own (already in the UI language) when it gave one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('error.network');
    if (error.message) return error.message;
  }
  return t('error.unexpected');
}
