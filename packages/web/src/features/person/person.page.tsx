import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { POSITION_ROLE_LABELS } from '@quyche/core';
import type { PersonDetailSchema } from '@quyche/core';
import { fmt, period } from '../../app/ui/dates';
import { DatesTd, HeadTable } from '../../app/ui/shared-head-table';
import { DatedHead, useDatedRecord } from '../../app/ui/shared-dated-record';
import { TitledCard } from '../../app/ui/shared-section-card';
import { useTitle } from '../../app/ui/use-title';
import { label, useLang } from '../../app/ui/i18n';
import { Link } from '../../app/router';

type PersonDetail = z.infer<typeof PersonDetailSchema>;

export function PersonPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { asOf, data: p, wait } = useDatedRecord<PersonDetail>(`/people/${encodeURIComponent(id)}`);
  useTitle(p?.fullName);
  if (wait || !p) return wait;
  const positions = (list: PersonDetail['positions'], testid: string) => (
    <HeadTable head={[t('position'), t('body'), t('fromDate'), t('toDate')]} minWidth={500} striped>
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
          <DatesTd from={m.validFrom} until={m.validUntil} />
        </Table.Tr>
      ))}
    </HeadTable>
  );
  return (
    <Stack>
      <DatedHead title={p.fullName} path={`/person/${id}`} asOf={asOf}>
        <Anchor component={Link} to={`/org/${p.organization.id}?asOf=${asOf}`} size="sm">
          {p.organization.name}
        </Anchor>
      </DatedHead>
      <TitledCard title={`${t('positionsOn')} ${fmt(asOf)}`}>
        {p.positions.length ? positions(p.positions, 'position-row') : <Text c="dimmed">{t('none')}</Text>}
      </TitledCard>
      <TitledCard title={t('portfolio')} testid="portfolio">
        {p.portfolio.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        {p.portfolio.length > 0 && (
          <HeadTable head={[t('field'), t('locality'), t('fromDate'), t('toDate')]} minWidth={500}>
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
                <DatesTd from={a.validFrom} until={a.validUntil} />
              </Table.Tr>
            ))}
          </HeadTable>
        )}
      </TitledCard>
      <TitledCard title={t('positionHistory')}>
        {p.positionHistory.length ? (
          positions(p.positionHistory, 'position-history-row')
        ) : (
          <Text c="dimmed">{t('none')}</Text>
        )}
      </TitledCard>
      <TitledCard title={t('partyMembership')} testid="party-memberships">
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
      </TitledCard>
    </Stack>
  );
}
