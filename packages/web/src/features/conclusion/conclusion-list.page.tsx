import { Anchor, Badge, Card, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { z } from 'zod';
import type { ConclusionListItemSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { useTr } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';
import { PercentBar, qs } from '../task/task.parts';
import { useSearchText } from '../../app/ui/search-text';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';
import { HeadTable } from '../../app/ui/shared-head-table';

type Item = z.infer<typeof ConclusionListItemSchema>;

/** "Sổ thông báo kết luận": every notice, its action items and how far their follow-up has come. */
export function ConclusionListPage() {
  const [, tr] = useTr();
  const { query } = useLocation();
  const year = query.get('year') ?? '';
  const q = query.get('q') ?? '';
  const orgId = query.get('orgId') ?? '';
  const narrow = useMediaQuery('(max-width: 760px)');
  useTitle(tr('Thông báo kết luận', 'Conclusion notices'));
  const { data, error, loading } = useApi<Item[]>(`/conclusions${qs({ year, q, orgId })}`);
  const go = (patch: Record<string, string>) => navigate(`/conclusions${qs({ year, q, orgId, ...patch })}`, true);
  const [text, setText] = useSearchText(q, (x) => go({ q: x }));
  const pending = (data ?? []).reduce((n, c) => n + c.pending, 0);
  const thisYear = new Date().getFullYear();
  return (
    <Stack data-testid="conclusion-list-page">
      <PageHead title={tr('Thông báo kết luận', 'Conclusion notices')}>
        {tr(
          'Các thông báo kết luận đã ban hành và việc theo dõi thực hiện: mỗi việc giao trong kết luận tính theo ' +
            'tiến độ nhiệm vụ đã giao (hoàn thành là 100 %), việc chưa giao nhiệm vụ tính 0 %.',
          'Issued conclusion notices and their follow-up: each action item counts by its task progress (done is 100 ' +
            '%); an item without a task counts 0 %.',
        )}
      </PageHead>
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput
          label={tr('Tìm số ký hiệu, hội nghị', 'Search symbol, meeting')}
          placeholder="78-TB/TU"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="conclusion-search"
          w={{ base: '100%', sm: 280 }}
          type="search"
        />
        <NativeSelect
          label={tr('Năm', 'Year')}
          value={year}
          onChange={(e) => go({ year: e.currentTarget.value })}
          data={[
            { value: '', label: tr('Mọi năm', 'Any year') },
            ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) })),
          ]}
          data-testid="conclusion-year"
          w={120}
        />
      </Group>
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <Group gap="md">
          <Text size="sm" c="dimmed" data-testid="conclusion-total" data-total={data.length}>
            {tr(`${data.length} thông báo kết luận`, `${data.length} notices`)}
          </Text>
          <Text
            size="sm"
            c={pending > 0 ? 'orange.8' : 'dimmed'}
            data-testid="conclusion-pending-total"
            data-total={pending}
          >
            {tr(`${pending} việc chưa giao nhiệm vụ`, `${pending} items without a task`)}
          </Text>
        </Group>
      )}
      {data?.length === 0 && (
        <Text c="dimmed">{tr('Không có thông báo kết luận nào khớp.', 'No notice matches.')}</Text>
      )}
      {data && data.length > 0 && narrow && (
        <Stack gap="xs">
          {data.map((c) => (
            <Card key={c.id} withBorder padding="sm" data-testid="conclusion-row" data-id={c.id}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <Anchor component={Link} to={`/meetings/${c.meetingId}`} fw={700}>
                  {c.symbol}
                </Anchor>
                <Text size="sm">{fmt(c.issuedOn)}</Text>
              </Group>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {c.meetingTitle}
              </Text>
              <Counts c={c} />
              <PercentBar percent={c.percent} overdue={c.overdue > 0} testid="conclusion-percent" />
            </Card>
          ))}
        </Stack>
      )}
      {data && data.length > 0 && !narrow && (
        <HeadTable
          striped
          highlightOnHover
          verticalSpacing="xs"
          data-testid="conclusion-table"
          head={[
            tr('Số, ký hiệu', 'Symbol'),
            tr('Ngày ban hành', 'Issued'),
            tr('Hội nghị', 'Meeting'),
            tr('Việc giao', 'Action items'),
            tr('Tỷ lệ theo dõi', 'Follow-up'),
          ]}
          widths={[undefined, undefined, undefined, undefined, 180]}
        >
          {data.map((c) => (
            <Table.Tr key={c.id} data-testid="conclusion-row" data-id={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/meetings/${c.meetingId}`} fw={700}>
                  {c.symbol}
                </Anchor>
              </Table.Td>
              <Table.Td>{fmt(c.issuedOn)}</Table.Td>
              <Table.Td>
                <Text size="sm">{c.meetingTitle}</Text>
                <Text size="xs" c="dimmed">
                  {c.bodyName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Counts c={c} />
              </Table.Td>
              <Table.Td>
                <PercentBar percent={c.percent} overdue={c.overdue > 0} testid="conclusion-percent" />
              </Table.Td>
            </Table.Tr>
          ))}
        </HeadTable>
      )}
    </Stack>
  );
}

function Counts({ c }: { c: Item }) {
  const [, tr] = useTr();
  if (c.items === 0)
    return (
      <Text size="xs" c="dimmed">
        {tr('Không có việc giao', 'No action items')}
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color="gray">
        {tr(`${c.items} việc`, `${c.items} items`)}
      </Badge>
      {c.done > 0 && (
        <Badge variant="light" color="green">
          {tr(`${c.done} hoàn thành`, `${c.done} done`)}
        </Badge>
      )}
      {c.overdue > 0 && (
        <Badge variant="light" color="red">
          {tr(`${c.overdue} quá hạn`, `${c.overdue} overdue`)}
        </Badge>
      )}
      {c.pending > 0 && (
        <Anchor
          component={Link}
          to={`/tasks?pick=conclusions&meeting=${c.meetingId}`}
          size="xs"
          data-testid="conclusion-pending"
        >
          {tr(`${c.pending} chưa giao nhiệm vụ`, `${c.pending} without a task`)}
        </Anchor>
      )}
    </Group>
  );
}
