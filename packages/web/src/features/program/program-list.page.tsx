import { Badge, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { CreateProgramSchema, PROGRAM_KINDS } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { PercentBar, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { programKindLabel, ProgramStateBadge, YearButtons, yearOf } from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { useSchemaForm } from '../../app/ui/schema-form';
import type { Program, ProgramListItem } from './program.parts';
import { Row, RowKey, RowMain, RowTable } from '../../app/ui/row-table';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { FormEnd } from '../../app/ui/shared-form-end';
import { FormCard } from '../../app/ui/shared-section-card';

/** The programs of the user's organization in a year (the full-term ones too); writers draft new ones. */
export function ProgramListPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const { year, thisYear } = yearOf(query);
  const access = useTaskAccess();
  const orgId = access.home;
  const { data, error, loading } = useApi<ProgramListItem[]>(
    orgId ? `/programs?orgId=${encodeURIComponent(orgId)}&year=${year}` : null,
  );
  const orgName = access.me?.grants.find((g) => g.orgId === orgId)?.orgName;
  useTitle(tr('Chương trình công tác', 'Programs'));
  const list = [...(data ?? [])].sort((a, b) =>
    a.span === b.span ? a.kind.localeCompare(b.kind) : a.span === 'year' ? -1 : 1,
  );
  return (
    <Stack data-testid="program-list-page">
      <PageHeader title={`${tr('Chương trình công tác', 'Programs')} ${year}`} sub={orgName}>
        <YearButtons year={year} around={thisYear} onChange={(v) => navigate(`/programs?year=${v}`, true)} />
      </PageHeader>
      <Text size="sm" c="dimmed">
        {tr(
          'Chương trình làm việc, chương trình kiểm tra, giám sát năm và toàn khóa; tiến độ là bình quân có trọng số ' +
            'của các mục.',
          'Annual and full-term work and inspection programs; progress is the weighted mean of their items.',
        )}
      </Text>
      <LoadState
        error={error}
        loading={loading && !data}
        empty={!!data && list.length === 0}
        emptyTestid="program-none"
      >
        {tr(`Chưa có chương trình nào cho năm ${year}.`, `No program for ${year} yet.`)}
      </LoadState>
      {list.length > 0 && (
        <RowTable
          columns="minmax(0, 3fr) minmax(0, 1.3fr) minmax(0, 1.2fr) minmax(0, 1.4fr)"
          testid="program-rows"
          head={[
            tr('Chương trình', 'Program'),
            tr('Số, ngày thông qua', 'No., adopted on'),
            tr('Tình trạng', 'State'),
            tr('Tiến độ', 'Progress'),
          ]}
        >
          {list.map((p) => (
            <Row
              key={p.id}
              overdue={p.lateItems > 0}
              data-testid="program-row"
              data-id={p.id}
              data-kind={p.kind}
              data-span={p.span}
              data-state={p.state}
              data-symbol={p.symbol ?? ''}
            >
              <RowMain title={p.title} to={`/programs/${p.id}`} testid="program-link">
                <Group gap={4}>
                  <Badge size="xs" variant="light">
                    {programKindLabel(p.kind, l)}
                  </Badge>
                  <Badge size="xs" variant="outline" color="gray">
                    {p.periodLabel ??
                      (p.span === 'year' ? `${tr('năm', 'year')} ${p.year}` : tr('toàn khóa', 'full term'))}
                  </Badge>
                </Group>
              </RowMain>
              <div>
                <RowKey>{tr('Số', 'No.')}: </RowKey>
                <b data-testid="program-row-symbol">{p.symbol ?? '—'}</b>
                {p.adoptedOn && (
                  <Text size="xs" c="dimmed" span>
                    {' '}
                    {tr('ngày', 'on')} {fmt(p.adoptedOn)}
                  </Text>
                )}
              </div>
              <div>
                <ProgramStateBadge state={p.state} size="xs" />
              </div>
              <div>
                <PercentBar percent={p.percent} testid="program-row-percent" />
                <Text
                  size="xs"
                  c={p.lateItems > 0 ? 'red.8' : 'dimmed'}
                  fw={p.lateItems > 0 ? 700 : undefined}
                  data-testid="program-row-late"
                  data-late={p.lateItems}
                >
                  {l === 'vi' ? `${p.items} mục · ${p.lateItems} chậm` : `${p.items} items · ${p.lateItems} late`}
                </Text>
              </div>
            </Row>
          ))}
        </RowTable>
      )}
      {access.canCreate && orgId && <CreateProgramForm orgId={orgId} year={year} />}
    </Stack>
  );
}

/** "Lập chương trình": a draft of the kind and span chosen; its items are added on its page. */
function CreateProgramForm({ orgId, year }: { orgId: string; year: number }) {
  const [l, tr] = useTr();
  const { org } = useTaskOrg(orgId);
  const form = useSchemaForm(
    CreateProgramSchema,
    {
      kind: 'work' as (typeof PROGRAM_KINDS)[number],
      span: 'year' as 'year' | 'term',
      year: String(year),
      ownerBodyId: '',
    },
    (v) => ({
      orgId,
      kind: v.kind,
      span: v.span,
      ...(v.span === 'year' ? { year: Number(v.year) } : {}),
      ...(v.ownerBodyId ? { ownerBodyId: v.ownerBodyId } : {}),
    }),
  );
  const span = form.values.span;
  const a = useRun<Program>((p) => navigate(`/programs/${p.id}`));
  const owners = (org?.bodies ?? []).filter((b) => ['BCH', 'BTV', 'UBKT'].includes(b.kind));
  const submit = form.submitBody((body) => void a.run(() => api<Program>('POST', '/programs', body)));
  return (
    <FormCard title={tr('Lập chương trình', 'Draft a program')} onSubmit={submit} formTestid="program-create">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={tr('Loại chương trình', 'Kind')}
          {...form.getInputProps('kind')}
          data={PROGRAM_KINDS.map((k) => ({ value: k, label: programKindLabel(k, l) }))}
          data-testid="program-create-kind"
        />
        <NativeSelect
          label={tr('Thời gian', 'Span')}
          {...form.getInputProps('span')}
          data={[
            { value: 'year', label: tr('Năm', 'A year') },
            { value: 'term', label: tr('Toàn khóa', 'The full term') },
          ]}
          data-testid="program-create-span"
        />
        {span === 'year' && (
          <NativeSelect
            label={tr('Năm', 'Year')}
            {...form.getInputProps('year')}
            data={[year - 1, year, year + 1, year + 2].map(String)}
            data-testid="program-create-year"
          />
        )}
        <NativeSelect
          label={tr('Cơ quan ban hành', 'Issuing body')}
          description={tr('Để trống: của tổ chức', 'Empty: the organization’s')}
          {...form.getInputProps('ownerBodyId')}
          data={[
            { value: '', label: tr('(tổ chức)', '(the organization)') },
            ...owners.map((b) => ({ value: b.id, label: b.name })),
          ]}
          data-testid="program-create-owner"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {tr(
          'Chương trình được lập là dự thảo; thêm các mục trên trang chương trình, rồi thông qua tại hội nghị ' +
            'của cơ quan có thẩm quyền.',
          'The program starts as a draft: add its items on its page, then adopt it at a meeting of the competent ' +
            'body.',
        )}
      </Text>
      <FormEnd name="program-create" form={form} write={a} closable>
        {tr('Lập chương trình', 'Draft the program')}
      </FormEnd>
    </FormCard>
  );
}
