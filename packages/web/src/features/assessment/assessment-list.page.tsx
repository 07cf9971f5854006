import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { AssessmentListSchema } from '@quyche/core';
import { todayInVietnam } from '@quyche/core';
import { useState } from 'react';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import { Link, navigate, useLocation } from '../../app/router';
import type { Me } from '../../app/session';
import type { OrgDetail } from '../../app/types';
import { CardTable } from '../../app/ui/card-table';
import { useTr } from '../../app/ui/i18n';
import { grantRoots, orgChoices, writesSomewhere } from '../../app/ui/org-choices';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { SectionCard } from '../../app/ui/shared-section-card';
import { useRun } from '../../app/ui/use-run';
import { useTitle } from '../../app/ui/use-title';
import { WriteError } from '../../app/ui/write-error';
import { AssessmentRollupSection } from './assessment-rollup.section';
import { AssessmentTimetableSection } from './assessment-timetable.section';
import { label, LEVEL, LEVEL_COLOR, STATE } from './assessment.labels';

type List = z.output<typeof AssessmentListSchema>;
type Opened = { created: number; members: number; organizations: number; exempted: number; newlyAdmitted: number };

/**
 * "Đánh giá, xếp loại" for a committee: the year's sheets of the members and organizations below it, where each
 * stands, and each unit's quota of the top level as decided so far; the year is opened from here.
 */
export function AssessmentListPage({ me }: { me: Me }) {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const y = Number(query.get('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear;
  const roots = grantRoots(me);
  const orgId = query.get('org') ?? roots[0]?.[0] ?? null;
  const go = (o: string | null, yy = year) =>
    navigate(`/assessments?${new URLSearchParams({ ...(o ? { org: o } : {}), year: String(yy) })}`, true);
  const org = useApi<OrgDetail>(orgId ? `/organizations/${orgId}` : null);
  const list = useApi<List>(orgId ? `/organizations/${orgId}/assessments?year=${year}` : null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = useRun<Opened>((o) => {
    setOpened(o);
    list.reload();
  });
  useTitle(tr('Đánh giá, xếp loại chất lượng', 'Annual assessment'));
  const mayWrite = writesSomewhere(me);
  const choices = orgChoices(roots, org.data);
  const rows = list.data?.rows ?? [];
  const count = (f: (r: List['rows'][number]) => boolean) => rows.filter(f).length;
  return (
    <Stack data-testid="assessments-page">
      <PageHeader
        title={tr('Đánh giá, xếp loại chất lượng', 'Annual assessment and classification')}
        sub={
          list.data?.rules
            ? tr(`Theo ${list.data.rules.title}`, `Under ${list.data.rules.title}`)
            : tr(
                'Đảng viên tự đánh giá, chi bộ cho ý kiến, cấp ủy quyết định xếp loại theo Quy định 366-QĐ/TW.',
                'Members self-assess, the cell gives its opinion, the committee classifies (Quy định 366-QĐ/TW).',
              )
        }
        subTestid="assessments-rules"
      />
      <Group align="end" gap="sm" wrap="wrap">
        <NativeSelect
          label={tr('Tổ chức', 'Organization')}
          value={orgId ?? ''}
          onChange={(e) => go(e.currentTarget.value)}
          data={choices}
          data-testid="assessments-org"
          w={{ base: '100%', sm: 360 }}
        />
        <NativeSelect
          label={tr('Năm', 'Year')}
          value={String(year)}
          onChange={(e) => go(orgId, Number(e.currentTarget.value))}
          data={[thisYear - 1, thisYear].map(String)}
          data-testid="assessments-year"
          w={100}
        />
      </Group>
      <Group gap="xs" wrap="wrap">
        {orgId &&
          rows.length > 0 &&
          (
            [
              ['docx', tr('Tải bảng tổng hợp (DOCX)', 'Download the summary (DOCX)')],
              ['xlsx', tr('Tải bảng tính (XLSX)', 'Download the spreadsheet (XLSX)')],
            ] as const
          ).map(([ext, title]) => (
            <Button
              key={ext}
              component="a"
              variant="default"
              w={{ base: '100%', xs: 'auto' }}
              href={`/api/v1/organizations/${orgId}/assessments/summary.${ext}?year=${year}`}
              data-testid={`assessments-${ext}`}
            >
              {title}
            </Button>
          ))}
        {mayWrite && orgId && (
          <Button
            variant="light"
            w={{ base: '100%', xs: 'auto' }}
            loading={open.busy}
            onClick={() => void open.run(() => api<Opened>('POST', `/organizations/${orgId}/assessments`, { year }))}
            data-testid="assessments-open"
          >
            {rows.length > 0
              ? tr('Mở thêm phiếu còn thiếu', 'Open the missing sheets')
              : tr(`Mở kỳ đánh giá năm ${year}`, `Open the ${year} assessment`)}
          </Button>
        )}
      </Group>
      <WriteError error={open.error} testid="assessments-open-error" />
      {opened && (
        <Alert color="green" data-testid="assessments-opened">
          {tr(
            `Đã mở ${opened.created} phiếu: ${opened.members} đảng viên, ${opened.organizations} tổ chức ` +
              `(không đánh giá ${opened.exempted} đảng viên được miễn sinh hoạt, ${opened.newlyAdmitted} đảng ` +
              'viên mới kết nạp chưa đủ 6 tháng — điểm 2.1 khoản 2 Điều 5 Quy định 366-QĐ/TW).',
            `${opened.created} sheets opened: ${opened.members} members, ${opened.organizations} ` +
              `organizations (${opened.exempted} exempted and ${opened.newlyAdmitted} newly admitted left out).`,
          )}
        </Alert>
      )}
      <LoadState error={list.error} loading={list.loading && !list.data} />
      {list.data && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="assessments-figures">
          {[
            [tr('Phiếu', 'Sheets'), rows.length, 'all'],
            [tr('Đã tự đánh giá', 'Self-assessed'), count((r) => r.state !== 'open'), 'self'],
            [
              tr('Chi bộ đã cho ý kiến', 'Reviewed'),
              count((r) => r.state === 'reviewed' || r.state === 'decided'),
              'reviewed',
            ],
            [tr('Đã quyết định', 'Decided'), count((r) => r.state === 'decided'), 'decided'],
          ].map(([t, v, k]) => (
            <Card withBorder key={String(k)} padding="sm" data-testid={`assessments-fig-${k}`} data-value={v}>
              <Text size="xs" c="dimmed">
                {t}
              </Text>
              <Text fw={700} size="xl">
                {v}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {list.data?.timetable && rows.length > 0 && (
        <AssessmentTimetableSection timetable={list.data.timetable} year={year} />
      )}
      {(list.data?.quota ?? []).length > 0 && (
        <SectionCard
          title={tr('Tỷ lệ "Hoàn thành xuất sắc nhiệm vụ"', 'Quota of the top level')}
          testid="assessments-quota"
        >
          {list.data!.quota.map((q) => (
            <Text
              key={`${q.unitId}-${q.subject}`}
              size="sm"
              c={q.ok ? undefined : 'red'}
              data-testid="assessments-quota-row"
              data-ok={q.ok}
            >
              <b>
                {q.unitName} — {q.subject === 'member' ? tr('đảng viên', 'members') : tr('tổ chức', 'organizations')}:
              </b>{' '}
              {q.reason_vi}
              {!q.proposed.ok && (
                <Text component="span" size="sm" c="red" display="block" data-testid="assessments-quota-proposed">
                  {tr(
                    `Đề xuất ${q.proposed.xuat_sac} "Hoàn thành xuất sắc nhiệm vụ" trên ${q.proposed.tot} ` +
                      `"Hoàn thành tốt nhiệm vụ": vượt tỷ lệ, tối đa ${q.proposed.max} ` +
                      '(điểm 1.5 khoản 1 Điều 11 Quy định 366-QĐ/TW).',
                    `Proposed ${q.proposed.xuat_sac} at the top level over ${q.proposed.tot} "good": over the ` +
                      `quota, at most ${q.proposed.max}.`,
                  )}
                </Text>
              )}
            </Text>
          ))}
        </SectionCard>
      )}
      {orgId && list.data && <AssessmentRollupSection orgId={orgId} year={year} />}
      {list.data && rows.length === 0 && (
        <Text c="dimmed" data-testid="assessments-none">
          {tr(`Chưa mở kỳ đánh giá năm ${year} ở tổ chức này.`, `The ${year} assessment is not open here yet.`)}
        </Text>
      )}
      {rows.length > 0 && (
        <CardTable minWidth={720} striped fz="sm" verticalSpacing={6} data-testid="assessments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tr('Đảng viên, tổ chức', 'Member or organization')}</Table.Th>
              <Table.Th>{tr('Tình trạng', 'State')}</Table.Th>
              <Table.Th>{tr('Tự chấm', 'Self')}</Table.Th>
              <Table.Th>{tr('Đề xuất', 'Proposed')}</Table.Th>
              <Table.Th>{tr('Theo hồ sơ', 'By the record')}</Table.Th>
              <Table.Th>{tr('Xếp loại', 'Level')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="assessment-row" data-state={r.state} data-subject={r.subject}>
                <Table.Td className="qc-wide">
                  <Anchor component={Link} to={`/assessments/${r.id}`} size="sm" fw={600}>
                    {r.name}
                  </Anchor>
                  {r.subject === 'member' && (
                    <Text size="xs" c="dimmed">
                      {r.orgName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label={tr('Tình trạng', 'State')} data-late={r.late}>
                  {label(STATE, r.state, l)}
                  {r.late && (
                    <Badge color="red" variant="light" tt="none" ml={4} data-testid="assessment-late">
                      {tr('Quá hạn', 'Late')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td data-label={tr('Tự chấm', 'Self')}>
                  {r.selfTotal === null ? '—' : String(r.selfTotal).replace('.', ',')}
                  {r.selfLevel && (
                    <Text size="xs" c="dimmed">
                      {label(LEVEL, r.selfLevel, l)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label={tr('Đề xuất', 'Proposed')}>{label(LEVEL, r.opinionLevel, l) || '—'}</Table.Td>
                <Table.Td data-label={tr('Theo hồ sơ', 'By the record')} data-testid="assessment-record-level">
                  {r.state !== 'decided' && r.recordLevel ? label(LEVEL, r.recordLevel, l) : '—'}
                </Table.Td>
                <Table.Td data-label={tr('Xếp loại', 'Level')}>
                  {r.decidedLevel ? (
                    <Badge color={LEVEL_COLOR[r.decidedLevel]} variant="light" tt="none">
                      {label(LEVEL, r.decidedLevel, l)}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </CardTable>
      )}
    </Stack>
  );
}
