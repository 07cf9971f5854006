import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MeSchema } from '@quyche/core';
import type { z } from 'zod';
import { api } from './api';
import type { ApiError } from './api';
import { ME_URL, queryClient } from './query';

/** Who is signed in, as `/auth/me` answers (the API's MeSchema). */
export type Me = z.output<typeof MeSchema>;

/**
 * Who is signed in, asked once for the whole visit and shared with every component that asks for `/auth/me`:
 * undefined while the first answer is awaited, null when nobody is (or the session ended). `setMe` records a new
 * session (signed in, signed out); `loadMe` asks again (the password was changed meanwhile).
 */
export function useSession() {
  const q = useQuery<Me | null, ApiError>({
    queryKey: [ME_URL],
    queryFn: () => api<Me>('GET', ME_URL),
    gcTime: Number.POSITIVE_INFINITY,
  });
  const me: Me | null | undefined = q.isPending ? undefined : q.isError ? null : q.data;
  const setMe = useCallback((m: Me | null) => queryClient.setQueryData<Me | null>([ME_URL], m), []);
  const loadMe = useCallback(() => queryClient.refetchQueries({ queryKey: [ME_URL] }), []);
  return { me, setMe, loadMe };
}
