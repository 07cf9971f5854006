import { Text } from '@mantine/core';
import type { MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { ErrorView } from './error-view';
import { Loading } from './loading';

/**
 * What a page or a list shows while it has nothing to show: the failure of its request, the wait for the first
 * answer (`loading`), and, once answered with nothing, `children` (the list's "none", dimmed, named `emptyTestid`).
 */
export function LoadState({
  error,
  loading,
  empty = false,
  emptyTestid,
  size,
  children,
}: {
  error: ApiError | null | undefined;
  loading: boolean;
  empty?: boolean;
  emptyTestid?: string;
  size?: MantineSize;
  children?: ReactNode;
}) {
  return (
    <>
      {error && <ErrorView error={error} />}
      {loading && <Loading />}
      {empty && (
        <Text size={size} c="dimmed" data-testid={emptyTestid}>
          {children}
        </Text>
      )}
    </>
  );
}
