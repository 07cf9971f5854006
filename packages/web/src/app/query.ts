import { QueryClient } from '@tanstack/react-query';

/**
 * The answers of the API's GETs, shared by every component that asks for the same address (`/auth/me`, an
 * organization): asked once, then read from here for as long as a component on screen shows it.
 *
 * - An answer no component shows any more is dropped at once (gcTime 0): a page opened again asks again, as before.
 * - One that is shown stays as it is (staleTime Infinity) until the page asks for it again (`reload`); a write marks
 *   the answers about its kind of record out of date (`invalidateAfterWrite`), so that none is shown again unasked.
 * - Failures are not retried and a window's focus asks for nothing: a page does exactly the requests it used to.
 * - Each answer is a new object (no structural sharing), as each request used to give: a page that starts a form over
 *   when its record comes back does so after a reload even when nothing changed.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 0,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      structuralSharing: false,
    },
  },
});

/** Who is signed in: kept for the whole visit (the app shell shows it), replaced on signing in and out. */
export const ME_URL = '/auth/me';

/** The kind of record an address is about: `/tasks/1/progress?x=1` → `tasks`. */
const resourceOf = (url: string) => url.split(/[/?]/)[1] ?? '';

/**
 * After a write to `url`, the answers about the same kind of record (a task's progress: the task, the task lists)
 * are out of date: a component that shows one next asks again. The pages on screen reload what they show themselves,
 * as they always did (no request is added behind their backs). Signing in and out is the app shell's business.
 */
export function invalidateAfterWrite(url: string) {
  const resource = resourceOf(url);
  if (resource === 'auth') return;
  void queryClient.invalidateQueries({
    predicate: (q) => {
      const key = q.queryKey[0];
      return typeof key === 'string' && key !== ME_URL && resourceOf(key) === resource;
    },
    refetchType: 'none',
  });
}
