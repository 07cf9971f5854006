import {
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  CreateRecommendationSchema,
  RECOMMENDATION_SOURCES,
  RECOMMENDATION_STATES,
  todayInVietnam,
} from '@quyche/core';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { StepText } from '../task/step-form';
import { useTitle } from '../../app/ui/use-title';
import { navigate, useLocation } from '../../app/router';
import { FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { qs, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { recSourceLabel, RecStateBadge, recStateLabel } from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { useSchemaForm } from '../../app/ui/schema-form';
import type { Recommendation } from './program.parts';
import { useSearchText } from '../../app/ui/search-text';
import { RowKey, RowMain, RowTable, StateRow } from '../../app/ui/row-table';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { ToggleButton } from '../../app/ui/toggle-button';
import { FormEnd } from '../../app/ui/shared-form-end';

/** "Nhận được" and "Đã gửi": recommendations sent to the user's organization, or by it to its superior. */
export function RecommendationListPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const tab = query.get('tab') === 'sent' ? 'sent' : 'received';
  const state = query.get('state') ?? '';
  const q = query.get('q') ?? '';
  const access = useTaskAccess();
  const orgId = access.home;
  const { data, error, loading, reload } = useApi<Recommendation[]>(
    orgId ? `/recommendations${qs({ orgId, direction: tab, state, q })}` : null,
  );
  const [creating, setCreating] = useState(false);
  useTitle(tr('Kiến nghị, đề xuất', 'Recommendations'));
  const go = (patch: Record<string, string>) => {
    const next: Record<string, string> = Object.fromEntries(new URLSearchParams(location.search));
    Object.assign(next, patch);
    navigate(`/recommendations${qs(next)}`, true);
  };
  const [text, setText] = useSearchText(q, (x) => go({ q: x }));
  return (
    <Stack data-testid="recommendation-list-page" data-tab={tab}>
      <PageHeader title={tr('Kiến nghị, đề xuất', 'Recommendations')}>
        {access.canCreate && (
          <ToggleButton open={creating} onToggle={setCreating} testid="rec-create-open">
            {tr('Gửi, ghi nhận kiến nghị', 'Send or record a recommendation')}
          </ToggleButton>
        )}
      </PageHeader>
      {access.canCreate && creating && orgId && (
        <CreateRecommendationForm
          orgId={orgId}
          onCreated={(dir) => {
            setCreating(false);
            if (dir === tab && !state && !q) reload();
            else navigate(`/recommendations?tab=${dir}`, true);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <Tabs value={tab} onChange={(v) => v && go({ tab: v })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="received" data-testid="rec-tab-received">
            {tr('Nhận được', 'Received')}
          </Tabs.Tab>
          <Tabs.Tab value="sent" data-testid="rec-tab-sent">
            {tr('Đã gửi', 'Sent')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput
          label={tr('Tìm kiến nghị', 'Search')}
          placeholder={tr('Nội dung, đơn vị gửi — có dấu hoặc không dấu', 'Title, sender — with or without diacritics')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && go({ q: text.trim() })}
          type="search"
          data-testid="rec-search"
          style={{ flex: '1 1 260px', minWidth: 0 }}
        />
        <NativeSelect
          label={tr('Trạng thái', 'State')}
          value={state}
          onChange={(e) => go({ state: e.currentTarget.value })}
          data={[
            { value: '', label: tr('Tất cả', 'All') },
            { value: 'open', label: tr('Chưa trả lời', 'Not answered') },
            { value: 'overdue', label: tr('Quá hạn', 'Overdue') },
            ...RECOMMENDATION_STATES.map((s) => ({ value: s, label: recStateLabel(s, l) })),
          ]}
          data-testid="rec-filter-state"
          w={200}
        />
      </Group>
      <LoadState error={error} loading={loading && !data} empty={!!data && data.length === 0} emptyTestid="rec-none">
        {tr('Không có kiến nghị nào phù hợp.', 'No matching recommendations.')}
      </LoadState>
      {data && data.length > 0 && (
        <RowTable
          columns="minmax(0, 3fr) minmax(0, 1.3fr) minmax(0, 1.2fr) minmax(0, 1.4fr)"
          testid="rec-rows"
          head={[
            tr('Kiến nghị', 'Recommendation'),
            tab === 'sent' ? tr('Gửi đến', 'Sent to') : tr('Nơi gửi', 'From'),
            tr('Hạn trả lời', 'Answer due'),
            tr('Tình trạng', 'Status'),
          ]}
        >
          {data.map((r) => (
            <RecRow key={r.id} r={r} tab={tab} />
          ))}
        </RowTable>
      )}
    </Stack>
  );
}

function RecRow({ r, tab }: { r: Recommendation; tab: 'received' | 'sent' }) {
  const [l, tr] = useTr();
  return (
    <StateRow testid="rec-row" id={r.id} state={r.state} overdue={r.status.overdue}>
      <RowMain
        title={r.title}
        to={`/recommendations/${r.id}`}
        testid="rec-link"
        sub={
          <>
            {recSourceLabel(r.source, l)} · {tr('nhận ngày', 'received')} {fmt(r.receivedOn)}
          </>
        }
      />
      <div data-testid="rec-party">
        <RowKey>{tab === 'sent' ? tr('Gửi đến', 'Sent to') : tr('Nơi gửi', 'From')}: </RowKey>
        {tab === 'sent' ? `${r.orgName}${r.toBodyName ? ` (${r.toBodyName})` : ''}` : r.fromLabel}
      </div>
      <div>
        <RowKey>{tr('Hạn trả lời', 'Answer due')}: </RowKey>
        <span data-testid="rec-due" className={r.status.overdue ? 'qc-red' : undefined}>
          {r.dueOn ? fmt(r.dueOn) : tr('Không có hạn', 'No deadline')}
        </span>
        {r.dueBasis && (
          <Text size="xs" c="dimmed" data-testid="rec-due-basis" style={{ overflowWrap: 'anywhere' }}>
            {r.dueBasis.reason_vi}
          </Text>
        )}
      </div>
      <div>
        <RecStateBadge state={r.state} overdue={r.status.overdue} size="xs" />
        <Text
          size="xs"
          c={r.status.overdue ? 'red.8' : 'dimmed'}
          fw={r.status.overdue ? 700 : undefined}
          data-testid="rec-status"
        >
          {r.status.label_vi}
        </Text>
      </div>
    </StateRow>
  );
}

/**
 * A recommendation sent up to the organization above (its clerk files it; the answer is due under the superior's
 * regulation), or one the organization received and records (from a unit, a delegation or a member).
 */
function CreateRecommendationForm({
  orgId,
  onCreated,
  onCancel,
}: {
  orgId: string;
  onCreated: (direction: 'sent' | 'received') => void;
  onCancel: () => void;
}) {
  const [l, tr] = useTr();
  const { org } = useTaskOrg(orgId);
  const parent = org?.parent ?? null;
  const [mode, setMode] = useState<'up' | 'record' | null>(null);
  const m = mode ?? (parent ? 'up' : 'record');
  const receivers = (org?.bodies ?? []).filter((b) => ['BCH', 'BTV', 'TT'].includes(b.kind));
  const defaultBody = receivers.find((b) => b.kind === 'BTV')?.id ?? '';
  const form = useSchemaForm(
    CreateRecommendationSchema,
    {
      source: 'lower_unit' as (typeof RECOMMENDATION_SOURCES)[number],
      fromLabel: '',
      /** null: the default (the BTV), until the user chooses. */
      toBodyId: null as string | null,
      title: '',
      text: '',
      receivedOn: todayInVietnam(),
    },
    (v) => {
      const common = { title: v.title.trim(), text: v.text.trim(), receivedOn: v.receivedOn };
      return m === 'up' && parent
        ? { orgId: parent.id, fromOrgId: orgId, source: 'lower_unit' as const, ...common }
        : {
            orgId,
            toBodyId: (v.toBodyId ?? defaultBody) || null,
            source: v.source,
            fromLabel: v.fromLabel.trim(),
            ...common,
          };
    },
  );
  const a = useRun<Recommendation>(() => onCreated(m === 'up' ? 'sent' : 'received'));
  const bodyId = form.values.toBodyId ?? defaultBody;
  const submit = form.submitBody((body) => void a.run(() => api<Recommendation>('POST', '/recommendations', body)));
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate data-testid="rec-create" data-mode={m}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {m === 'up'
              ? tr('Gửi kiến nghị lên cấp trên', 'Send a recommendation up')
              : tr('Ghi nhận kiến nghị nhận được', 'Record a recommendation received')}
          </Title>
          {parent && (
            <SegmentedControl
              value={m}
              onChange={(v) => setMode(v as 'up' | 'record')}
              data={[
                { value: 'up', label: tr('Gửi lên cấp trên', 'Send up') },
                { value: 'record', label: tr('Ghi nhận kiến nghị nhận được', 'Record one received') },
              ]}
              data-testid="rec-create-mode"
              style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            />
          )}
          {m === 'up' && parent && (
            <Text size="sm" data-testid="rec-create-to">
              {tr('Gửi đến', 'To')}: <b>{parent.name}</b> · {tr('Đơn vị gửi', 'From')}: <b>{org?.name}</b>
            </Text>
          )}
          {m === 'record' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={tr('Nguồn kiến nghị', 'Source')}
                {...form.getInputProps('source')}
                data={RECOMMENDATION_SOURCES.map((s) => ({ value: s, label: recSourceLabel(s, l) }))}
                data-testid="rec-create-source"
              />
              <FormText form={form} path="fromLabel" testid="rec-create-from" required>
                {tr('Đơn vị, đoàn, người gửi', 'Sent by')}
              </FormText>
              <NativeSelect
                label={tr('Cơ quan nhận', 'Received by')}
                value={bodyId}
                onChange={(e) => form.setFieldValue('toBodyId', e.currentTarget.value)}
                error={form.errors['toBodyId']}
                data={[
                  { value: '', label: tr('(tổ chức)', '(the organization)') },
                  ...receivers.map((b) => ({ value: b.id, label: b.name })),
                ]}
                data-testid="rec-create-body"
              />
            </SimpleGrid>
          )}
          <FormText form={form} path="title" testid="rec-create-title" required>
            {tr('Tên kiến nghị', 'Title')}
          </FormText>
          <StepText form={form} path="text" testid="rec-create-text" minRows={3}>
            {tr('Nội dung kiến nghị', 'Text')}
          </StepText>
          <FormDate form={form} path="receivedOn" testid="rec-create-date" required>
            {m === 'up' ? tr('Ngày gửi', 'Sent on') : tr('Ngày nhận', 'Received on')}
          </FormDate>
          <Text size="xs" c="dimmed">
            {tr(
              'Hạn trả lời do máy chủ tính theo quy chế của cấp nhận kiến nghị (ngày làm việc).',
              'The answer deadline is computed by the server under the receiving organization’s regulation (working ' +
                'days).',
            )}
          </Text>
          <FormEnd name="rec-create" form={form} write={a} closable onCancel={onCancel}>
            {m === 'up' ? tr('Gửi kiến nghị', 'Send') : tr('Ghi nhận', 'Record')}
          </FormEnd>
        </Stack>
      </form>
    </Card>
  );
}
