import { Badge } from '@mantine/core';
import type { Lang } from './i18n';
import { useLang } from './i18n';

export type BadgeSize = 'xs' | 'sm' | 'md' | 'lg';
/** What a feature's state badge is given by its callers. */
export interface StateBadgeProps {
  state: string;
  size?: BadgeSize;
}

/**
 * A record's state (or status) as a badge: its colour from `colors` (gray for one not there), its name from `label`,
 * and the state itself as `data-<attr>` beside `testid` for the tests. The features' state badges differ in these
 * alone. With `filledOn` the badge is light but in that one state, which stands out filled.
 */
export function StateBadge({
  state,
  size = 'sm',
  colors,
  label,
  testid,
  variant,
  filledOn,
  attr = 'state',
}: StateBadgeProps & {
  colors: Record<string, string>;
  label: (state: string, l: Lang) => string;
  testid: string;
  variant?: string;
  filledOn?: string;
  attr?: 'state' | 'status';
}) {
  const [l] = useLang();
  return (
    <Badge
      color={colors[state] ?? 'gray'}
      size={size}
      variant={filledOn ? (state === filledOn ? 'filled' : 'light') : variant}
      data-testid={testid}
      {...{ [`data-${attr}`]: state }}
    >
      {label(state, l)}
    </Badge>
  );
}
