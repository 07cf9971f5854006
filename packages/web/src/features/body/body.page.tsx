import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import { BODY_KIND_LABELS, POSITION_ROLE_LABELS, todayInVietnam } from '@quyche/core';
import type { BodyDetailSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { ErrorView } from '../../app/ui/error-view';
import { fmt, period } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { label, useLang } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';

type BodyDetail = z.infer<typeof BodyDetailSchema>;
type Member = BodyDetail['members'][number];

export function BodyPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const {
    data: b,
    error,
    loading,
  } = useApi<BodyDetail>(`/bodies/${encodeURIComponent(id)}?asOf=${encodeURIComponent(asOf)}`);
  useTitle(b?.name);
  if (loading && !b) return <Loading />;
  if (error) return <ErrorView error={error} />;
  if (!b) return null;
  const rows = (list: Member[], testid: string) =>
    list.map((m) => (
      <Table.Tr key={m.id} data-testid={testid}>
        <Table.Td>
          <Anchor
            component={Link}
            to={`/person/${m.person.id}?asOf=${m.validUntil && m.validUntil < asOf ? m.validUntil : asOf}`}
          >
            {m.person.fullName}
          </Anchor>
        </Table.Td>
        <Table.Td>{m.title ?? label(l, POSITION_ROLE_LABELS[m.role])}</Table.Td>
        <Table.Td>{fmt(m.validFrom)}</Table.Td>
        <Table.Td>{fmt(m.validUntil)}</Table.Td>
      </Table.Tr>
    ));
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('fullName')}</Table.Th>
        <Table.Th>{t('position')}</Table.Th>
        <Table.Th>{t('fromDate')}</Table.Th>
        <Table.Th>{t('toDate')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {b.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{label(l, BODY_KIND_LABELS[b.kind])}</Badge>
          <Anchor component={Link} to={`/org/${b.organization.id}?asOf=${asOf}`} size="sm">
            {b.organization.name}
          </Anchor>
          {b.term && (
            <Text size="sm" c="dimmed">
              · {t('term')} {b.term.name}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            · {period(b.validFrom, b.validUntil, l)}
          </Text>
        </Group>
      </div>
      <AsOfPicker value={asOf} onChange={(d) => navigate(`/body/${id}?asOf=${d}`, true)} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('membersOn')} {fmt(asOf)} ({b.members.length})
        </Title>
        {b.members.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        <Table.ScrollContainer minWidth={500}>
          <Table striped>
            {head}
            <Table.Tbody>{rows(b.members, 'member-row')}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('history')} ({b.history.length})
        </Title>
        <Table.ScrollContainer minWidth={500}>
          <Table>
            {head}
            <Table.Tbody>{rows(b.history, 'history-row')}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
