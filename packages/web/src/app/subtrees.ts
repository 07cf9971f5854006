import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import type { SubtreeSchema } from '@quyche/core';
import { api } from './api';
import { useStable } from './ui/use-stable';

type Subtree = z.infer<typeof SubtreeSchema>;

/**
 * Each organization of `roots` with every organization below it (GET /organizations/:id/subtree, asked once and
 * shared by every component that wants it): null until every root has answered, or when there is no root. A root
 * whose subtree cannot be read counts alone.
 */
export function useSubtrees(roots: string[]): Set<string> | null {
  const urls = roots.map((id) => `/organizations/${encodeURIComponent(id)}/subtree`);
  const answers = useQueries({
    queries: urls.map((url) => ({ queryKey: [url], queryFn: () => api<Subtree>('GET', url) })),
  });
  const done = roots.length > 0 && answers.every((q) => !q.isPending);
  const ids = useStable(
    done ? roots.flatMap((id, i) => [id, ...(answers[i]?.data?.items.map((x) => x.id) ?? [])]) : null,
  );
  return useMemo(() => (ids ? new Set(ids) : null), [ids]);
}
