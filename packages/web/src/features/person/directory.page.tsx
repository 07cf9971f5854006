import { Anchor, Card, Checkbox, Group, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { z } from 'zod';
import { POSITION_ROLE_LABELS, todayInVietnam } from '@quyche/core';
import type { DirectorySchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { useTr } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';
import { qs } from '../task/task.parts';
import { useSearchText } from '../../app/ui/search-text';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';
import { HeadTable } from '../../app/ui/shared-head-table';

type Directory = z.infer<typeof DirectorySchema>;
const PAGE_SIZE = 30;

/** "Danh bạ cán bộ": who holds which position on a date, searched with or without diacritics. */
export function DirectoryPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const q = query.get('q') ?? '';
  const all = query.get('all') === '1';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const narrow = useMediaQuery('(max-width: 760px)');
  useTitle(tr('Danh bạ cán bộ', 'People directory'));
  const go = (patch: Record<string, string>) => {
    const next = { asOf: query.get('asOf') ?? '', q, all: all ? '1' : '', page: '', ...patch };
    navigate(`/people${qs(next)}`, true);
  };
  const { data, error, loading } = useApi<Directory>(
    `/directory${qs({ asOf, q, all: all ? '1' : '', page, pageSize: PAGE_SIZE })}`,
  );
  const [text, setText] = useSearchText(q, (x) => go({ q: x }));
  const roleOf = (p: Directory['items'][number]['positions'][number]) =>
    p.title ?? POSITION_ROLE_LABELS[p.role as keyof typeof POSITION_ROLE_LABELS]?.[l] ?? '';
  const positions = (e: Directory['items'][number]) =>
    e.positions.length === 0 ? (
      <Text size="sm" c="dimmed">
        {tr('Không giữ chức vụ tại ngày này', 'No position on this date')}
      </Text>
    ) : (
      e.positions.map((p) => (
        <Text key={`${p.bodyId}-${p.role}`} size="sm">
          {roleOf(p)},{' '}
          <Anchor component={Link} to={`/body/${p.bodyId}?asOf=${asOf}`} size="sm">
            {p.bodyName}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {tr(`từ ${fmt(p.validFrom)}`, `since ${fmt(p.validFrom)}`)}
          </Text>
        </Text>
      ))
    );
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Stack data-testid="directory-page">
      <PageHead title={tr('Danh bạ cán bộ', 'People directory')} />
      <Group gap="md" align="end" wrap="wrap">
        <TextInput
          label={tr('Tìm theo họ tên', 'Search by name')}
          placeholder={tr('có dấu hoặc không dấu', 'with or without diacritics')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="directory-search"
          w={{ base: '100%', sm: 260 }}
          type="search"
        />
        <AsOfPicker value={asOf} onChange={(d) => go({ asOf: d })} />
        <Checkbox
          label={tr('Cả người không giữ chức vụ', 'Include people without a position')}
          checked={all}
          onChange={(e) => go({ all: e.currentTarget.checked ? '1' : '' })}
          data-testid="directory-all"
          mb={8}
        />
      </Group>
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <Text size="sm" c="dimmed" data-testid="directory-total" data-total={data.total}>
          {tr(
            `${data.total} người · chức vụ tại ngày ${fmt(data.asOf)}`,
            `${data.total} people · positions as of ${fmt(data.asOf)}`,
          )}
        </Text>
      )}
      {data?.items.length === 0 && <Text c="dimmed">{tr('Không có ai khớp.', 'Nobody matches.')}</Text>}
      {data && data.items.length > 0 && narrow && (
        <Stack gap="xs">
          {data.items.map((e) => (
            <Card key={e.id} withBorder padding="sm" data-testid="directory-row">
              <Anchor component={Link} to={`/person/${e.id}`} fw={700}>
                {e.fullName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {e.orgName}
              </Text>
              {positions(e)}
            </Card>
          ))}
        </Stack>
      )}
      {data && data.items.length > 0 && !narrow && (
        <HeadTable
          head={[
            tr('Họ và tên', 'Name'),
            tr('Tổ chức', 'Organization'),
            tr('Chức vụ tại ngày', 'Positions on the date'),
          ]}
          striped
          verticalSpacing="xs"
          data-testid="directory-table"
        >
          {data.items.map((e) => (
            <Table.Tr key={e.id} data-testid="directory-row">
              <Table.Td>
                <Anchor component={Link} to={`/person/${e.id}`} fw={600}>
                  {e.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>{e.orgName}</Table.Td>
              <Table.Td>{positions(e)}</Table.Td>
            </Table.Tr>
          ))}
        </HeadTable>
      )}
      {pages > 1 && (
        <Pagination total={pages} value={page} onChange={(p) => go({ page: String(p) })} size="sm" siblings={1} />
      )}
    </Stack>
  );
}
