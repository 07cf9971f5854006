import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { MemberFileSchema } from '@quyche/core';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { queryClient } from '../../app/query';
import { useSession } from '../../app/session';
import { navigate, useLocation } from '../../app/router';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { CompactTable } from '../../app/ui/card-table';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { SectionCard } from '../../app/ui/shared-section-card';
import { PageHeader } from '../../app/ui/page-header';
import { useTitle } from '../../app/ui/use-title';
import { writesSomewhere } from '../../app/ui/org-choices';
import { MemberTransferDialog } from './member-transfer';

type MemberFile = z.output<typeof MemberFileSchema>;

const STATUS: Record<string, [string, string]> = {
  official: ['Đảng viên chính thức', 'Full member'],
  probationary: ['Đảng viên dự bị', 'Probationary member'],
};

/**
 * A member's file (hồ sơ đảng viên) as of a date: the citizen ID masked to its last three digits, the cells over time
 * (transfers kept). Every opening of it is in the audit log, which the page says.
 */
export function MemberFilePage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const asOf = query.get('asOf');
  const { data, error, loading } = useApi<MemberFile>(
    `/members/${encodeURIComponent(id)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
  );
  const { me } = useSession();
  // Whether the member's cell is within a writing grant the server decides; the button is for those who write.
  const mayWrite = writesSomewhere(me);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  useTitle(data?.fullName ?? tr('Hồ sơ đảng viên', 'Member file'));
  const st = (s: string) => (l === 'vi' ? STATUS[s]?.[0] : STATUS[s]?.[1]) ?? s;
  const fact = (label: string, value: string | null | undefined, testid?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testid}>
        {value || '—'}
      </Text>
    </div>
  );
  return (
    <Stack data-testid="member-file-page" maw={960}>
      <PageHeader
        title={data?.fullName ?? tr('Hồ sơ đảng viên', 'Member file')}
        sub={tr(
          'Hồ sơ đảng viên. Mỗi lần mở hồ sơ được ghi vào nhật ký; số CCCD chỉ hiện 3 số cuối.',
          'Member file. Every opening is logged; the citizen ID shows its last three digits only.',
        )}
      >
        {mayWrite && data && !data.left && (
          <Button variant="light" onClick={() => setMoving(true)} data-testid="transfer-open">
            {tr('Chuyển sinh hoạt đảng', 'Transfer')}
          </Button>
        )}
      </PageHeader>
      {moving && data && (
        <MemberTransferDialog
          member={data}
          onClose={() => setMoving(false)}
          onDone={(f, said) => {
            setMoving(false);
            setMoved(said);
            void queryClient.invalidateQueries();
            navigate(`/members/${id}?asOf=${f.asOf}`, true);
          }}
        />
      )}
      {moved && (
        <Alert color="green" withCloseButton onClose={() => setMoved(null)} data-testid="transfer-done">
          {moved}
        </Alert>
      )}
      <AsOfPicker
        value={data?.asOf ?? asOf ?? ''}
        onChange={(d) => navigate(`/members/${id}${d ? `?asOf=${d}` : ''}`, true)}
      />
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <>
          <Card withBorder data-testid="member-facts">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              {fact(tr('Năm sinh', 'Born'), data.birthYear ? String(data.birthYear) : null)}
              {fact(
                tr('Giới tính', 'Gender'),
                data.gender === 'nu' ? tr('Nữ', 'Female') : data.gender === 'nam' ? tr('Nam', 'Male') : null,
              )}
              {fact(tr('Số CCCD', 'Citizen ID'), data.citizenId, 'member-citizen-id')}
              {fact(tr('Số thẻ đảng viên', 'Party card'), data.cardNumber)}
              {fact(tr('Ngày vào Đảng', 'Admitted'), data.admittedOn && fmt(data.admittedOn))}
              {fact(tr('Ngày chính thức', 'Full member since'), data.officialOn && fmt(data.officialOn))}
              {fact(
                tr(`Chi bộ ngày ${fmt(data.asOf)}`, `Cell on ${fmt(data.asOf)}`),
                data.cellAsOf ? `${data.cellAsOf.name} (${st(data.cellAsOf.status).toLowerCase()})` : null,
                'member-cell-as-of',
              )}
              {data.left && fact(tr('Ra khỏi danh sách', 'Left'), `${data.left.reason_vi}, ${fmt(data.left.on)}`)}
            </SimpleGrid>
            {data.temporaryAsOf.length > 0 && (
              <Group gap="xs" mt="sm">
                <Text size="sm">{tr('Sinh hoạt tạm thời tại:', 'Attends temporarily:')}</Text>
                {data.temporaryAsOf.map((c) => (
                  <Badge key={c.id} variant="light">
                    {c.name}
                  </Badge>
                ))}
              </Group>
            )}
          </Card>
          <SectionCard title={tr('Quá trình sinh hoạt đảng', 'Cells over time')} testid="member-history">
            <CompactTable
              minWidth={620}
              head={[
                tr('Chi bộ', 'Cell'),
                tr('Hình thức', 'Kind'),
                tr('Từ ngày', 'From'),
                tr('Đến ngày', 'Until'),
                tr('Tư cách', 'Status'),
              ]}
            >
              {data.history.map((h) => (
                <Table.Tr key={h.id} data-testid="member-history-row">
                  <Table.Td>{h.cellName}</Table.Td>
                  <Table.Td data-label={tr('Hình thức', 'Kind')}>
                    {h.kind === 'temporary'
                      ? tr('Sinh hoạt tạm thời', 'Temporary')
                      : tr('Sinh hoạt chính thức', 'Home cell')}
                  </Table.Td>
                  <Table.Td data-label={tr('Từ ngày', 'From')}>{fmt(h.from)}</Table.Td>
                  <Table.Td data-label={tr('Đến ngày', 'Until')}>
                    {h.until ? fmt(h.until) : tr('nay', 'now')}
                    {h.endReason && (
                      <Text size="xs" c="dimmed">
                        {h.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-label={tr('Tư cách', 'Status')}>{st(h.status)}</Table.Td>
                </Table.Tr>
              ))}
            </CompactTable>
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
