import { Anchor, Badge, Button, Card, Group, Select, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from '../../app/router';
import { useTaskAccess } from '../task/task.parts';
import { changeIsBetter, changeOf, INDICATOR_BY_CODE, periodsOfYear, todayInVietnam } from '@quyche/core';
import type { EvidenceSchema, ReviewSchema, SubordinatesReviewSchema } from '@quyche/core';
import type { z } from 'zod';
import type { Lang } from '../../app/ui/i18n';

export type Review = z.infer<typeof ReviewSchema>;
export type ReviewIndicator = Review['indicators'][number];
export type Evidence = z.infer<typeof EvidenceSchema>;
export type SubordinatesReview = z.infer<typeof SubordinatesReviewSchema>;

/** The period codes the picker offers: this year's and the last two years' periods that have begun, and the term. */
export function periodOptions(l: Lang, today = todayInVietnam()) {
  const year = Number(today.slice(0, 4));
  const groups = [year, year - 1, year - 2].map((y) => ({
    group: String(y),
    items: periodsOfYear(y, today)
      .reverse()
      .map((p) => ({ value: p.code, label: l === 'vi' ? p.label_vi : p.label_en })),
  }));
  return [
    ...groups,
    {
      group: l === 'vi' ? 'Nhiệm kỳ' : 'Term',
      items: [
        { value: 'nhiem-ky-giua', label: l === 'vi' ? 'Giữa nhiệm kỳ' : 'Mid-term' },
        { value: 'nhiem-ky', label: l === 'vi' ? 'Cả nhiệm kỳ (đến nay)' : 'Whole term (to date)' },
      ],
    },
  ];
}

/** The half-year just ended, or the current one in its first weeks: what a clerk opens the page for. */
export function defaultPeriod(today = todayInVietnam()) {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m >= 7 ? `${y}-H1` : `${y - 1}-H2`;
}

/** A period's name in the language ("6 tháng đầu năm 2026"). */
export const periodLabel = (p: { label_vi: string; label_en: string }, l: Lang) =>
  l === 'vi' ? p.label_vi : p.label_en;

/** A page's title followed by the period it shows, once that is known ("Sơ kết, tổng kết — 6 tháng đầu năm 2026"). */
export const titleWithPeriod = (title: string, p: { label_vi: string; label_en: string } | undefined, l: Lang) =>
  p ? `${title} — ${periodLabel(p, l)}` : title;

export function PeriodSelect({ value, onChange, l }: { value: string; onChange: (v: string) => void; l: Lang }) {
  return (
    <Select
      label={l === 'vi' ? 'Kỳ sơ kết, tổng kết' : 'Review period'}
      data={periodOptions(l)}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={240}
      searchable={false}
      data-testid="review-period"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The organization a review page is about (`?org=`, else the account's own) and whether the account writes there. */
export function useReviewOrg() {
  const { query } = useLocation();
  const { home, me } = useTaskAccess();
  const mayWrite = !!me?.grants.some((g) => g.role === 'admin' || g.role === 'clerk');
  return { query, orgId: query.get('org') ?? home, mayWrite };
}

/** The organization's review reports as the options of a select. */
export const reportOptions = (reports: { id: string; title: string }[] | undefined) =>
  (reports ?? []).map((r) => ({ value: r.id, label: r.title }));

/** The way back from a view of the organization's period to its review of that period. */
export function ReviewLink({ orgId, period, children }: { orgId: string; period: string; children: ReactNode }) {
  return (
    <Button
      variant="light"
      component={Link}
      to={`/reviews?org=${encodeURIComponent(orgId)}&period=${encodeURIComponent(period)}`}
    >
      {children}
    </Button>
  );
}

export const fmtNum = (n: number, l: Lang) => new Intl.NumberFormat(l === 'vi' ? 'vi-VN' : 'en-US').format(n);

/** A figure with its change from the previous period: green when better, red when worse, grey when neither. */
export function IndicatorCard({
  i,
  l,
  onOpen,
  previousLabel,
}: {
  i: ReviewIndicator;
  l: Lang;
  onOpen: (i: ReviewIndicator) => void;
  previousLabel: string;
}) {
  const def = INDICATOR_BY_CODE.get(i.code);
  const change = changeOf(i.value, i.previous);
  const better = def ? changeIsBetter(def, i.value, i.previous) : null;
  const color = better === null ? 'gray' : better ? 'green' : 'red';
  const label = l === 'vi' ? i.label_vi : i.bodyName ? `${i.label_en}: ${i.bodyName}` : i.label_en;
  return (
    <Card
      withBorder
      p="sm"
      data-testid={`indicator-${i.code}${i.bodyId ? `-${i.bodyId}` : ''}`}
      data-code={i.code}
      data-value={i.value}
    >
      <Text size="sm" fw={600} lh={1.3} style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      <Group gap="xs" align="baseline" mt={4} wrap="wrap">
        <Anchor
          component="button"
          type="button"
          fz={30}
          fw={800}
          lh={1.1}
          c="dark.7"
          underline="always"
          onClick={() => onOpen(i)}
          aria-label={`${label}: ${i.value}. ${l === 'vi' ? 'Xem các bản ghi' : 'Show the records'}`}
          data-testid="indicator-value"
        >
          {fmtNum(i.value, l)}
        </Anchor>
        {change && (
          <Tooltip label={`${previousLabel}: ${fmtNum(i.previous!, l)}`} withArrow>
            <Badge color={color} variant="light" tt="none" data-testid="indicator-change">
              {change.label} {l === 'vi' ? 'so với' : 'vs'} {fmtNum(i.previous!, l)}
            </Badge>
          </Tooltip>
        )}
      </Group>
      {/* On a phone the definition and the clauses are in the panel a click on the figure opens. */}
      <Text size="xs" c="dimmed" mt={4} visibleFrom="sm">
        {i.definition_vi}
      </Text>
      {i.basis_vi && (
        <Text size="xs" mt={2} data-testid="indicator-basis" visibleFrom="sm">
          {l === 'vi' ? 'Căn cứ' : 'Basis'}: {i.basis_vi.split('; ').slice(0, 3).join('; ')}
          {i.basis_vi.split('; ').length > 3 ? '…' : ''}
        </Text>
      )}
    </Card>
  );
}
