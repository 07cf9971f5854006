import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { useTaskAccess } from '../task/task.parts';
import { CreateConsultationForm } from './consultation-create.form';
import { ConsultationStateBadge, CountBadges, isOverdue, useCoveredOrgs } from './consultation.parts';
import type { ConsultationListItem } from './consultation.parts';
import { RowKey, RowMain, RowTable, StateRow } from '../../app/ui/row-table';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { ToggleButton } from '../../app/ui/toggle-button';

/**
 * "Lấy ý kiến dự thảo": the consultations the user's side runs (its organization or one below), and those sent to
 * the user's unit for comments; a writer sends a new draft out.
 */
export function ConsultationListPage() {
  const [, tr] = useTr();
  const { query } = useLocation();
  const access = useTaskAccess();
  const { covered } = useCoveredOrgs();
  const { data, error, loading } = useApi<ConsultationListItem[]>('/consultations');
  // Those still waiting for the user's own answer ("cần góp ý", the home page's figure).
  const awaiting = useApi<ConsultationListItem[]>('/consultations?awaiting=1').data;
  const [creating, setCreating] = useState(query.get('new') === '1');
  useTitle(tr('Lấy ý kiến dự thảo', 'Consultations'));
  const run = (data ?? []).filter((c) => covered?.has(c.orgId));
  const received = (data ?? []).filter((c) => covered && !covered.has(c.orgId));
  const asked = query.get('awaiting') === '1' ? 'awaiting' : query.get('tab');
  const tab =
    asked === 'run' || asked === 'received' || asked === 'awaiting'
      ? asked
      : run.length === 0 && received.length > 0
        ? 'received'
        : 'run';
  const list = tab === 'run' ? run : tab === 'awaiting' ? (awaiting ?? []) : received;
  return (
    <Stack data-testid="consultation-list-page" data-tab={tab}>
      <PageHeader title={tr('Lấy ý kiến dự thảo', 'Consultations on drafts')}>
        {access.canCreate && (
          <ToggleButton open={creating} onToggle={setCreating} testid="consultation-create-open">
            {tr('Gửi xin ý kiến', 'Send a draft for comments')}
          </ToggleButton>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed">
        {tr(
          'Dự thảo quy chế được gửi các đơn vị góp ý theo điều, khoản, có hạn góp ý; mọi ý kiến được tiếp thu hoặc ' +
            'giải trình trước khi trình cơ quan có thẩm quyền thông qua.',
          'A draft regulation is sent out for comments by provision, with a deadline; every comment is accepted or ' +
            'explained before the draft goes to the competent body.',
        )}
      </Text>
      {access.canCreate && creating && access.home && (
        <CreateConsultationForm home={access.home} canWrite={access.canAssign} onCancel={() => setCreating(false)} />
      )}
      <Tabs
        value={tab}
        onChange={(v) =>
          v && navigate(v === 'awaiting' ? '/consultations?awaiting=1' : `/consultations?tab=${v}`, true)
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="run" data-testid="consultation-tab-run">
            {tr('Đơn vị lấy ý kiến', 'Run by us')} ({run.length})
          </Tabs.Tab>
          <Tabs.Tab value="received" data-testid="consultation-tab-received">
            {tr('Được gửi xin ý kiến', 'Sent to us')} ({received.length})
          </Tabs.Tab>
          <Tabs.Tab value="awaiting" data-testid="consultation-tab-awaiting" data-count={awaiting?.length}>
            {tr('Cần góp ý', 'To answer')} ({awaiting?.length ?? '…'})
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <LoadState
        error={error}
        loading={(loading || !covered) && !error}
        empty={!!data && !!covered && list.length === 0}
        emptyTestid="consultation-none"
      >
        {tab === 'run'
          ? tr('Chưa có đợt lấy ý kiến nào do đơn vị tổ chức.', 'No consultation run by your organization yet.')
          : tab === 'awaiting'
            ? tr('Không có dự thảo nào đang chờ đơn vị góp ý.', 'Nothing waiting for your answer.')
            : tr(
                'Chưa có dự thảo nào được gửi xin ý kiến đơn vị.',
                'No draft has been sent to your unit for comments.',
              )}
      </LoadState>
      {covered && list.length > 0 && (
        <RowTable
          columns="minmax(0, 3fr) minmax(0, 1.2fr) minmax(0, 1.1fr) minmax(0, 1.8fr)"
          testid="consultation-rows"
          head={[
            tr('Đợt lấy ý kiến', 'Consultation'),
            tr('Gửi ngày, hạn góp ý', 'Sent, deadline'),
            tr('Tình trạng', 'State'),
            tr('Nơi nhận, ý kiến', 'Recipients, comments'),
          ]}
        >
          {list.map((c) => (
            <ConsultationRow key={c.id} c={c} />
          ))}
        </RowTable>
      )}
    </Stack>
  );
}

function ConsultationRow({ c }: { c: ConsultationListItem }) {
  const [, tr] = useTr();
  const overdue = isOverdue(c);
  return (
    <StateRow testid="consultation-row" id={c.id} state={c.state} overdue={overdue}>
      <RowMain>
        <Anchor component={Link} to={`/consultations/${c.id}`} fw={600} size="sm" data-testid="consultation-link">
          {c.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {c.orgName}
        </Text>
      </RowMain>
      <div>
        <RowKey>{tr('Gửi ngày', 'Sent on')}: </RowKey>
        <Text span size="sm">
          {fmt(c.sentOn)}
        </Text>
        <div>
          <RowKey>{tr('Hạn góp ý', 'Deadline')}: </RowKey>
          <Text span size="sm" className={overdue ? 'qc-c-red' : undefined} data-testid="consultation-deadline">
            {tr('hạn', 'due')} {fmt(c.deadline)}
          </Text>
        </div>
      </div>
      <div>
        <ConsultationStateBadge state={c.state} size="xs" />
      </div>
      <div>
        <CountBadges c={c} testid="consultation-row-counts" />
      </div>
    </StateRow>
  );
}
