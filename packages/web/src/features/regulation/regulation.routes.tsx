import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import type { RegulationSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { ErrorView } from '../../app/ui/error-view';
import { Loading } from '../../app/ui/loading';
import { useLang } from '../../app/ui/i18n';
import { Link, match } from '../../app/router';
import { RegulationPage, STATUS_LABELS } from './regulation.page';
import { RegulationUpload } from './regulation.upload';

type Reg = z.infer<typeof RegulationSchema>;

export function RegulationRoutes({ path }: { path: string }) {
  const m = match('/regulations/:id', path);
  if (m) return <RegulationPage id={m['id']!} />;
  return <RegulationList />;
}

function RegulationList() {
  const [l, t] = useLang();
  const { data, error, loading } = useApi<Reg[]>('/regulations');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('regulations')}
      </Title>
      {loading && <Loading />}
      {error && <ErrorView error={error} />}
      {data && data.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      {data && data.length > 0 && (
        <Card withBorder>
          <CardTable
            minWidth={560}
            striped
            head={[
              l === 'vi' ? 'Quy chế' : 'Regulation',
              l === 'vi' ? 'Tổ chức' : 'Organization',
              l === 'vi' ? 'Tình trạng' : 'Status',
              l === 'vi' ? 'Số phiên bản' : 'Versions',
            ]}
          >
            {data.map((r) => (
              <Table.Tr key={r.id} data-testid="regulation-row">
                <Table.Td>
                  <Anchor component={Link} to={`/regulations/${r.id}`}>
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td data-label={l === 'vi' ? 'Tổ chức' : 'Organization'}>{r.orgName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>
                    {STATUS_LABELS[r.latestStatus ?? '']?.[l] ?? r.latestStatus ?? ''}
                  </Badge>
                </Table.Td>
                <Table.Td data-label={l === 'vi' ? 'Số phiên bản' : 'Versions'}>{r.versionCount}</Table.Td>
              </Table.Tr>
            ))}
          </CardTable>
        </Card>
      )}
      <RegulationUpload />
    </Stack>
  );
}
