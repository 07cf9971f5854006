import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type {
  CellAttendanceSchema,
  CellComplianceSchema,
  DuesArrearsSchema,
  MemberAlertsSchema,
  PlanSimilaritySchema,
} from '@quyche/core';
import { todayInVietnam } from '@quyche/core';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { navigate, useLocation } from '../../app/router';
import type { Me } from '../../app/session';
import type { OrgDetail } from '../../app/types';
import { FigureGrid } from '../../app/ui/figure-grid';
import { useTr } from '../../app/ui/i18n';
import { grantRoots, orgChoices, writesSomewhere } from '../../app/ui/org-choices';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { queryClient } from '../../app/query';
import { useTitle } from '../../app/ui/use-title';
import { ArrearsCard, PlansCard } from './cells-dashboard.members';
import { AlertsCard, AttendanceCard, ComplianceCard } from './cells-dashboard.sections';
import { MemberImportDialog } from './member-import';

type Compliance = z.output<typeof CellComplianceSchema>;
type Attendance = z.output<typeof CellAttendanceSchema>;
type Alerts = z.output<typeof MemberAlertsSchema>;
type Similarity = z.output<typeof PlanSimilaritySchema>;
type Arrears = z.output<typeof DuesArrearsSchema>;

const inRange = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;

/**
 * What a grassroots or an upper committee watches in its cells (issue 15): the cells that missed the month's regular
 * meeting or the quarter's thematic one, attendance, the members the record flags (Điều 8 of the Statute), plans
 * copied from one another and dues in arrears — each line with its record and its clause.
 */
export function CellsDashboardPage({ me }: { me: Me }) {
  const [, tr] = useTr();
  const { query } = useLocation();
  const today = todayInVietnam();
  const y = Number(query.get('year'));
  const mo = Number(query.get('month'));
  const year = inRange(y, 2000, 2100) ? y : Number(today.slice(0, 4));
  const month = inRange(mo, 1, 12) ? mo : Number(today.slice(5, 7));
  const roots = grantRoots(me);
  const orgId = query.get('org') ?? roots[0]?.[0] ?? null;
  const go = (o: string | null, yy = year, mm = month) =>
    navigate(`/cells?${new URLSearchParams({ ...(o ? { org: o } : {}), year: String(yy), month: String(mm) })}`, true);
  const org = useApi<OrgDetail>(orgId ? `/organizations/${orgId}` : null);
  const base = orgId ? `/organizations/${orgId}` : null;
  const compliance = useApi<Compliance>(base && `${base}/cell-meetings/compliance?year=${year}&month=${month}`);
  const attendance = useApi<Attendance>(base && `${base}/cell-meetings/attendance?year=${year}&month=${month}`);
  const alerts = useApi<Alerts>(base && `${base}/member-alerts`);
  const plans = useApi<Similarity>(base && `${base}/plan-similarity?year=${year}`);
  const arrears = useApi<Arrears>(base && `${base}/dues-arrears`);
  useTitle(tr('Chi bộ, đảng viên', 'Party cells and members'));
  const short = (compliance.data?.rows ?? []).filter(
    (r) => r.regular.status === 'short' || r.thematic.status === 'short',
  );
  const choices = orgChoices(roots, org.data);
  const years = [...new Set([year - 1, year, Number(today.slice(0, 4))])].sort();
  // The server decides whether this organization is within a writing grant; the button is for those who write at all.
  const mayWrite = writesSomewhere(me);
  const [importing, setImporting] = useState(false);
  return (
    <Stack data-testid="cells-dashboard">
      <PageHeader
        title={tr('Chi bộ, đảng viên', 'Party cells and members')}
        sub={
          org.data &&
          tr(
            `${org.data.name}: sinh hoạt chi bộ, đảng viên cần xem xét, kế hoạch hành động, đảng phí`,
            `${org.data.name}: cell meetings, members to consider, action plans, dues`,
          )
        }
      >
        {mayWrite && org.data && (
          <Button variant="light" onClick={() => setImporting(true)} data-testid="member-import-open">
            {tr('Nhập đảng viên từ bảng tính', 'Import members from a sheet')}
          </Button>
        )}
      </PageHeader>
      {org.data && (
        <MemberImportDialog
          opened={importing}
          orgId={org.data.id}
          orgName={org.data.name}
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries()}
        />
      )}
      {roots.length === 0 && (
        <Text c="dimmed" data-testid="cells-no-org">
          {tr('Tài khoản chưa được giao tổ chức nào.', 'Your account has no organization yet.')}
        </Text>
      )}
      <Group align="end" gap="sm" wrap="wrap">
        <NativeSelect
          label={tr('Tổ chức', 'Organization')}
          value={orgId ?? ''}
          onChange={(e) => go(e.currentTarget.value)}
          data={choices}
          data-testid="cells-org"
          w={{ base: '100%', sm: 360 }}
        />
        <NativeSelect
          label={tr('Tháng', 'Month')}
          value={String(month)}
          onChange={(e) => go(orgId, year, Number(e.currentTarget.value))}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          data-testid="cells-month"
          w={90}
        />
        <NativeSelect
          label={tr('Năm', 'Year')}
          value={String(year)}
          onChange={(e) => go(orgId, Number(e.currentTarget.value), month)}
          data={years.map(String)}
          data-testid="cells-year"
          w={100}
        />
      </Group>
      <LoadState error={org.error} loading={false} />
      <FigureGrid
        testid="cells-figures"
        prefix="cells-fig"
        cols={{ base: 2, sm: 3, lg: 5 }}
        figures={[
          {
            key: 'short',
            label: tr(`Chi bộ thiếu sinh hoạt tháng ${month}`, `Cells short in month ${month}`),
            value: short.length,
            color: 'red',
          },
          {
            key: 'low',
            label: tr('Chi bộ có tỷ lệ dự họp dưới 90%', 'Cells under 90% attendance'),
            value: (attendance.data?.rows ?? []).filter((r) => r.rate !== null && r.rate < 0.9).length,
            color: 'orange',
          },
          {
            key: 'alerts',
            label: tr('Đảng viên cần xem xét', 'Members to consider'),
            value: alerts.data?.alerts.length ?? 0,
            color: 'red',
          },
          {
            key: 'copied',
            label: tr('Cặp kế hoạch giống nhau', 'Copied plan pairs'),
            value: plans.data?.pairs.length ?? 0,
            color: 'orange',
          },
          {
            key: 'arrears',
            label: tr('Đảng viên chưa đóng đảng phí', 'Members owing dues'),
            value: arrears.data?.rows.length ?? 0,
            color: 'red',
          },
        ]}
      />
      <ComplianceCard state={compliance} month={month} year={year} />
      <AttendanceCard state={attendance} month={month} year={year} />
      <AlertsCard state={alerts} />
      <PlansCard state={plans} />
      <ArrearsCard state={arrears} />
    </Stack>
  );
}
