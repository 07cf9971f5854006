import { useState } from 'react';
import { ApiError } from '../api';

export function apiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'Lỗi', String(e), 'ERROR');
}

/**
 * Runs one write of a form: its own error and busy flag; the answer goes to `onDone`. A version conflict (409)
 * calls `onConflict` (reload the record) so that the user decides again on the current one.
 */
export function useRun<T>(onDone: (x: T) => void, onConflict?: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<T>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onDone(await f());
      return true;
    } catch (e) {
      const err = apiError(e);
      setError(err);
      if (err.status === 409) onConflict?.();
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy, setError };
}
