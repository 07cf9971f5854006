import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import { POSITION_ROLE_LABELS, todayInVietnam } from '@quyche/core';
import type { PersonDetailSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { AsOfPicker, ErrorView, Loading, period } from '../../app/common';
import { label, useLang } from '../../app/i18n';
import { Link, navigate, useLocation } from '../../app/router';

type PersonDetail = z.infer<typeof PersonDetailSchema>;

export function PersonPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const { data: p, error, loading } = useApi<PersonDetail>(`/people/${id}?asOf=${asOf}`);
  if (loading && !p) return <Loading />;
  if (error) return <ErrorView error={error} />;
  if (!p) return null;
  const positions = (list: PersonDetail['positions']) => (
    <Table.ScrollContainer minWidth={500}>
      <Table striped>
        <Table.Tbody>
          {list.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.title ?? label(l, POSITION_ROLE_LABELS[m.role])}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/body/${m.bodyId}?asOf=${asOf}`}>
                  {m.bodyName}
                </Anchor>
              </Table.Td>
              <Table.Td>{period(m.validFrom, m.validUntil, l)}</Table.Td>
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
          {t('positions')}
        </Title>
        {p.positions.length ? positions(p.positions) : <Text c="dimmed">{t('none')}</Text>}
      </Card>
      <Card withBorder data-testid="portfolio">
        <Title order={2} size="h4" mb="xs">
          {t('portfolio')}
        </Title>
        {p.portfolio.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        <Table>
          <Table.Tbody>
            {p.portfolio.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('field')}
                  </Text>
                  {a.field}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('locality')}
                  </Text>
                  {a.locality ? (
                    <Anchor component={Link} to={`/org/${a.locality.id}?asOf=${asOf}`}>
                      {a.locality.name}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{period(a.validFrom, a.validUntil, l)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('positionHistory')}
        </Title>
        {positions(p.positionHistory)}
      </Card>
      {p.partyMemberships.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('partyMembership')}
          </Title>
          {p.partyMemberships.map((m) => (
            <Text key={m.id} size="sm">
              {m.orgName} — {m.status === 'official' ? t('official') : t('probationary')} — {period(m.validFrom, m.validUntil, l)}
            </Text>
          ))}
        </Card>
      )}
    </Stack>
  );
}
