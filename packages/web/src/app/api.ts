import { useCallback, useEffect, useState } from 'react';

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
  return data as T;
}

/** Loads `url` (null: nothing yet) and reloads when it changes. */
export function useApi<T>(url: string | null): {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
} {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: url !== null });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api<T>('GET', url).then(
      (data) => live && setState({ data, loading: false }),
      (error: ApiError) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
