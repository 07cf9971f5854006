import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { invalidateAfterWrite, ME_URL } from './query';

/** A problem+json error from the API, shown by its Vietnamese title and detail, never a stack trace. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly code: string,
    /** The offending field (`body.newPassword`) and each field's reasons, for a form to show beside its inputs. */
    readonly field?: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** The reasons given for one field of the request body (`newPassword` for `body.newPassword`). */
  messagesFor(name: string): string[] {
    const f = `body.${name}`;
    const own = this.errors.filter((e) => e.field === f).map((e) => e.message);
    return own.length ? own : this.field === f ? [this.detail ?? this.title] : [];
  }
}

let csrfToken = '';
export const setCsrf = (t: string) => (csrfToken = t);

/**
 * An answer asked for by public/early.js while the app's scripts were loading (`/auth/me`, and `/home` on the home
 * page), taken once: the first call for that URL gets it if it succeeded; any later call, or a failed one, asks again.
 */
async function earlyAnswer(url: string): Promise<Response | null> {
  const early = (window as { __qcEarly?: Record<string, Promise<Response | null> | undefined> }).__qcEarly;
  const pending = early?.[url];
  if (!early || !pending) return null;
  delete early[url];
  const res = await pending;
  return res?.ok ? res : null;
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response | null = method === 'GET' && body === undefined ? await earlyAnswer(url) : null;
  try {
    res ??= await fetch(`/api/v1${url}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Không kết nối được máy chủ', 'Kiểm tra mạng rồi thử lại', 'NETWORK');
  }
  if (res.ok && method !== 'GET') invalidateAfterWrite(url);
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    if (res.status === 401 && !url.startsWith('/auth/login')) window.dispatchEvent(new Event('qc-unauthenticated'));
    // An administrator reset the password meanwhile: the app asks for a new one before anything else.
    if (data.code === 'PASSWORD_CHANGE_REQUIRED') window.dispatchEvent(new Event('qc-password-change'));
    throw new ApiError(
      res.status,
      data.title ?? 'Lỗi',
      data.detail,
      data.code ?? 'ERROR',
      data.field,
      Array.isArray(data.errors) ? data.errors : [],
    );
  }
  // Whoever asks who is signed in learns the session's token for writes.
  if (method === 'GET' && url === ME_URL && typeof data.csrfToken === 'string') setCsrf(data.csrfToken);
  return data as T;
}

/**
 * Loads `url` (null: nothing yet) and again when it changes, meanwhile showing what the previous address gave
 * (`loading` says a request is under way). Components that ask for the same address share one request and its answer
 * (app/query.ts); `reload` asks again.
 */
export function useApi<T>(url: string | null): {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
} {
  const q = useQuery<T, ApiError>({
    queryKey: [url],
    queryFn: () => api<T>('GET', url!),
    enabled: url !== null,
    placeholderData: keepPreviousData,
  });
  const latest = useRef({ url, refetch: q.refetch });
  useEffect(() => {
    latest.current = { url, refetch: q.refetch };
  });
  const reload = useCallback(() => {
    if (latest.current.url !== null) void latest.current.refetch();
  }, []);
  // A request under way hides the previous failure; a failure hides what an earlier request gave.
  const error = q.isFetching ? undefined : (q.error ?? undefined);
  return { data: error ? undefined : q.data, error, loading: q.isFetching, reload };
}
