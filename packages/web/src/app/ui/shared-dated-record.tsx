import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { todayInVietnam } from '@quyche/core';
import { useApi } from '../api';
import { navigate, useLocation } from '../router';
import { AsOfPicker } from './as-of-picker';
import { ErrorView } from './error-view';
import { Loading } from './loading';

/**
 * A record as it stood on a date: the page's `?asOf=`, today unless given. `wait` is what the page shows while it has
 * no record to show (the first load, a failure), null once it has one.
 */
export function useDatedRecord<T>(path: string) {
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const { data, error, loading } = useApi<T>(`${path}?asOf=${encodeURIComponent(asOf)}`);
  const wait = loading && !data ? <Loading /> : error ? <ErrorView error={error} /> : null;
  return { asOf, data, wait };
}

/**
 * The head of a page that shows a record as of a date: its name (h1) with what goes under it (`children`), then the
 * date, which moves the page (`path`) to another day.
 */
export function DatedHead({
  title,
  path,
  asOf,
  children,
}: {
  title: ReactNode;
  path: string;
  asOf: string;
  children: ReactNode;
}) {
  return (
    <>
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </div>
      <AsOfPicker value={asOf} onChange={(d) => navigate(`${path}?asOf=${d}`, true)} />
    </>
  );
}
