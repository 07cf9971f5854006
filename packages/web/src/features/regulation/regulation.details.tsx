import { Switch } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTr } from '../../app/ui/i18n';

/**
 * "Chi tiết": the machine form of the rules (ids, kinds, parameters), lint codes and answers' raw results, for the
 * authors of a regulation; clerks read the sentences. The choice is kept in the browser.
 */
const KEY = 'qc-regulation-details';
const listeners = new Set<() => void>();
const read = () => localStorage.getItem(KEY) === '1';

export function useDetails(): boolean {
  return useSyncExternalStore((cb) => (listeners.add(cb), () => listeners.delete(cb)), read);
}

export function DetailsToggle() {
  const [, tr] = useTr();
  const on = useDetails();
  return (
    <Switch
      size="xs"
      label={tr('Chi tiết (cho người soạn thảo)', 'Details (for authors)')}
      checked={on}
      onChange={(e) => {
        localStorage.setItem(KEY, e.currentTarget.checked ? '1' : '0');
        for (const f of listeners) f();
      }}
      data-testid="details-toggle"
    />
  );
}
