import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api';
import type { ApiError } from './api';
import { queryClient } from './query';
import { apiError } from './ui/use-run';

/**
 * A record shown by its page (a meeting, a task, a program …), loaded once and replaced by every write's answer
 * (`setData`: each write returns the whole record). A failed reload keeps the record on screen with its `error`;
 * `reload` asks again (a version conflict, a change elsewhere). Its address is shared with the rest of the app
 * (app/query.ts), so a component that asks for the same record reads this one.
 */
export function useRecord<T>(url: string) {
  const q = useQuery<T, ApiError>({
    queryKey: [url],
    queryFn: () =>
      api<T>('GET', url).catch((e: unknown) => {
        throw apiError(e);
      }),
  });
  const setData = useCallback(
    (next: T | ((old: T | undefined) => T | undefined)) => queryClient.setQueryData<T>([url], next),
    [url],
  );
  const { refetch } = q;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return { data: q.data, setData, error: q.error ?? undefined, reload };
}
