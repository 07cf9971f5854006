import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import { POSITION_ROLE_LABELS, todayInVietnam } from '@quyche/core';
import type { PersonDetailSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { ErrorView } from '../../app/ui/error-view';
import { fmt, period } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { label, useLang } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';

type PersonDetail = z.infer<typeof PersonDetailSchema>;

export function PersonPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const {
    data: p,
    error,
    loading,
  } = useApi<PersonDetail>(`/people/${encodeURIComponent(id)}?asOf=${encodeURIComponent(asOf)}`);
  useTitle(p?.fullName);
  if (loading && !p) return <Loading />;
  if (error) return <ErrorView error={error} />;
  if (!p) return null;
  const positions = (list: PersonDetail['positions'], testid: string) => (
    <Table.ScrollContainer minWidth={500}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('position')}</Table.Th>
            <Table.Th>{t('body')}</Table.Th>
            <Table.Th>{t('fromDate')}</Table.Th>
            <Table.Th>{t('toDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((m) => (
            <Table.Tr key={m.id} data-testid={testid}>
              <Table.Td>{m.title ?? label(l, POSITION_ROLE_LABELS[m.role])}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/body/${m.bodyId}?asOf=${m.validUntil && m.validUntil < asOf ? m.validUntil : asOf}`}
                >
                  {m.bodyName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {m.orgName}
                </Text>
              </Table.Td>
              <Table.Td>{fmt(m.validFrom)}</Table.Td>
              <Table.Td>{fmt(m.validUntil)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {p.fullName}
        </Title>
        <Anchor component={Link} to={`/org/${p.organization.id}?asOf=${asOf}`} size="sm">
          {p.organization.name}
        </Anchor>
      </div>
      <AsOfPicker value={asOf} onChange={(d) => navigate(`/person/${id}?asOf=${d}`, true)} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('positionsOn')} {fmt(asOf)}
        </Title>
        {p.positions.length ? positions(p.positions, 'position-row') : <Text c="dimmed">{t('none')}</Text>}
      </Card>
      <Card withBorder data-testid="portfolio">
        <Title order={2} size="h4" mb="xs">
          {t('portfolio')}
        </Title>
        {p.portfolio.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        {p.portfolio.length > 0 && (
          <Table.ScrollContainer minWidth={500}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field')}</Table.Th>
                  <Table.Th>{t('locality')}</Table.Th>
                  <Table.Th>{t('fromDate')}</Table.Th>
                  <Table.Th>{t('toDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.portfolio.map((a) => (
                  <Table.Tr key={a.id} data-testid="portfolio-row">
                    <Table.Td>{a.field}</Table.Td>
                    <Table.Td>
                      {a.locality ? (
                        <Anchor component={Link} to={`/org/${a.locality.id}?asOf=${asOf}`}>
                          {a.locality.name}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{fmt(a.validFrom)}</Table.Td>
                    <Table.Td>{fmt(a.validUntil)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('positionHistory')}
        </Title>
        {p.positionHistory.length ? (
          positions(p.positionHistory, 'position-history-row')
        ) : (
          <Text c="dimmed">{t('none')}</Text>
        )}
      </Card>
      <Card withBorder data-testid="party-memberships">
        <Title order={2} size="h4" mb="xs">
          {t('partyMembership')}
        </Title>
        {p.partyMemberships.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        {p.partyMemberships.map((m) => (
          <Text key={m.id} size="sm">
            <Anchor
              component={Link}
              to={`/org/${m.orgId}?asOf=${m.validUntil && m.validUntil < asOf ? m.validUntil : asOf}`}
              size="sm"
            >
              {m.orgName}
            </Anchor>{' '}
            — {m.status === 'official' ? t('official') : t('probationary')} — {period(m.validFrom, m.validUntil, l)}
          </Text>
        ))}
      </Card>
    </Stack>
  );
}
