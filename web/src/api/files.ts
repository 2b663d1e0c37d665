import { ApiError } from './client';

// Files the API sends (exports, reports): fetched with the session and the language, errors as the API's.

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function buildUrl(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return `${path}?${params.toString()}`;
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** A file from the API (an export, a report): its bytes and the name the server gave it; an API error as ApiError. */
export async function fetchFile(path: string, query: Record<string, string | number | undefined>, language: string, fallbackName: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '' });
  }
  if (!response.ok) {
    let body = { code: 'HTTP_' + response.status, message: response.statusText };
    try {
      const json = (await response.json()) as { error?: { code: string; message: string } };
      if (json.error) body = json.error;
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, body);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName };
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

