import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { OrganizationDetailSchema, PartyMemberSchema } from '@quyche/core';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { Link, navigate, useLocation } from '../../app/router';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { CompactTable } from '../../app/ui/card-table';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';
import { useTitle } from '../../app/ui/use-title';

type Member = z.output<typeof PartyMemberSchema>;

/**
 * A cell's register of members on a date (sổ đảng viên): who attended it then, full or probationary, since when —
 * each name opens the member's file (its citizen ID masked, its opening logged).
 */
export function CellRegisterPage({ cellId }: { cellId: string }) {
  const [, tr] = useTr();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? '';
  const org = useApi<z.output<typeof OrganizationDetailSchema>>(`/organizations/${cellId}`);
  const list = useApi<Member[]>(`/organizations/${cellId}/party-members${asOf ? `?asOf=${asOf}` : ''}`);
  useTitle(tr('Danh sách đảng viên', 'Members'));
  const rows = [...(list.data ?? [])].sort((a, b) => a.person.fullName.localeCompare(b.person.fullName, 'vi'));
  const official = rows.filter((r) => r.status === 'official').length;
  return (
    <Stack data-testid="cell-register-page" maw={960}>
      <PageHead title={tr('Danh sách đảng viên', 'Members')}>
        {org.data &&
          tr(
            `${org.data.name}: ${rows.length} đảng viên (${official} chính thức, ${rows.length - official} dự bị)`,
            `${org.data.name}: ${rows.length} members (${official} full, ${rows.length - official} probationary)`,
          )}
      </PageHead>
      <AsOfPicker value={asOf} onChange={(d) => navigate(`/cells/${cellId}/members${d ? `?asOf=${d}` : ''}`, true)} />
      <LoadState
        error={list.error ?? org.error}
        loading={list.loading && !list.data}
        empty={!!list.data && rows.length === 0}
        emptyTestid="cell-register-none"
      >
        {tr('Chi bộ không có đảng viên vào ngày này.', 'No member on this day.')}
      </LoadState>
      {rows.length > 0 && (
        <CompactTable
          minWidth={560}
          head={[tr('Họ và tên', 'Name'), tr('Tư cách', 'Status'), tr('Sinh hoạt từ', 'Since'), tr('Đến', 'Until')]}
        >
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="cell-register-row">
              <Table.Td>
                <Anchor component={Link} to={`/members/${r.person.id}`} size="sm" fw={600}>
                  {r.person.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td data-label={tr('Tư cách', 'Status')}>
                {r.status === 'official' ? tr('Chính thức', 'Full') : tr('Dự bị', 'Probationary')}
              </Table.Td>
              <Table.Td data-label={tr('Sinh hoạt từ', 'Since')}>{fmt(r.validFrom)}</Table.Td>
              <Table.Td data-label={tr('Đến', 'Until')}>{r.validUntil ? fmt(r.validUntil) : tr('nay', 'now')}</Table.Td>
            </Table.Tr>
          ))}
        </CompactTable>
      )}
      <Text size="xs" c="dimmed">
        {tr(
          'Số CCCD không hiện trong danh sách; hồ sơ từng đảng viên chỉ hiện 3 số cuối và mỗi lần mở được ghi nhật ký.',
          'Citizen IDs are not listed; each member’s file shows the last three digits only, and every opening ' +
            'is logged.',
        )}
      </Text>
    </Stack>
  );
}
