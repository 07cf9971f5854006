import { Group, Stack, Text } from '@mantine/core';
import { useTr } from '../../app/ui/i18n';
import { label, LEVEL, LEVEL_COLOR } from './assessment.labels';

type Counts = Record<'xuat_sac' | 'tot' | 'hoan_thanh' | 'khong_hoan_thanh' | 'undecided', number>;
const KEYS = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh', 'undecided'] as const;
const color = (k: (typeof KEYS)[number]) =>
  k === 'undecided' ? 'var(--mantine-color-gray-4)' : `var(--mantine-color-${LEVEL_COLOR[k]}-6)`;
const share = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1).replace('.', ',')}%` : '0%');

/**
 * The members' results over the years as bars of 100%, one a year, each level its share (the table beside it gives
 * the counts): what a committee looks at to see whether its classification tightens or slackens.
 */
export function AssessmentTrendChart({ years }: { years: { year: number; members: Counts }[] }) {
  const [l, tr] = useTr();
  const rows = years.filter((y) => KEYS.some((k) => y.members[k] > 0));
  if (rows.length < 2) return null;
  const name = (k: (typeof KEYS)[number]) =>
    k === 'undecided' ? tr('Chưa quyết định', 'Undecided') : label(LEVEL, k, l);
  const summary = rows
    .map((y) => {
      const all = KEYS.reduce((s, k) => s + y.members[k], 0);
      return `${y.year}: ${KEYS.filter((k) => y.members[k])
        .map((k) => `${name(k)} ${share(y.members[k], all)}`)
        .join(', ')}`;
    })
    .join('; ');
  return (
    <Stack gap={6} data-testid="assessments-trend-chart">
      {/* Bars of fixed height whose segments are shares of the width: readable on a phone as on a wide screen. */}
      <Stack
        gap={6}
        role="img"
        aria-label={tr(`Kết quả xếp loại đảng viên qua các năm — ${summary}`, `Members' results by year — ${summary}`)}
      >
        {rows.map((y) => {
          const all = KEYS.reduce((s, k) => s + y.members[k], 0);
          return (
            <Group key={y.year} gap="xs" wrap="nowrap" data-year={y.year}>
              <Text size="sm" w={40}>
                {y.year}
              </Text>
              <div style={{ display: 'flex', flex: 1, height: 18, borderRadius: 3, overflow: 'hidden' }}>
                {KEYS.filter((k) => y.members[k] > 0).map((k) => (
                  <div
                    key={k}
                    data-level={k}
                    title={`${y.year} — ${name(k)}: ${y.members[k]} (${share(y.members[k], all)})`}
                    style={{ width: share(y.members[k], all).replace(',', '.'), background: color(k) }}
                  />
                ))}
              </div>
            </Group>
          );
        })}
      </Stack>
      <Group gap="sm" wrap="wrap">
        {KEYS.map((k) => (
          <Group key={k} gap={4} wrap="nowrap">
            <span style={{ width: 10, height: 10, background: color(k), display: 'inline-block', borderRadius: 2 }} />
            <Text size="xs">{name(k)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
