import { Anchor, Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { addDays, BODY_KIND_LABELS, ORGANIZATION_KIND_LABELS } from '@quyche/core';
import type { OrganizationDetailSchema } from '@quyche/core';
import { fmt, period } from '../../app/ui/dates';
import { DatesTd, HeadTable } from '../../app/ui/shared-head-table';
import { DatedHead, useDatedRecord } from '../../app/ui/shared-dated-record';
import { TitledCard } from '../../app/ui/shared-section-card';
import { useTitle } from '../../app/ui/use-title';
import { label, SUCCESSION_LABELS, useLang } from '../../app/ui/i18n';
import { Link } from '../../app/router';

type OrgDetail = z.infer<typeof OrganizationDetailSchema>;

export function OrgPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { asOf, data: o, wait } = useDatedRecord<OrgDetail>(`/organizations/${encodeURIComponent(id)}`);
  useTitle(o?.name);
  if (wait || !o) return wait;
  return (
    <Stack>
      <DatedHead title={o.name} path={`/org/${id}`} asOf={asOf}>
        <Group gap="xs">
          <Badge variant="light">{label(l, ORGANIZATION_KIND_LABELS[o.kind])}</Badge>
          <Text size="sm" c="dimmed">
            {period(o.validFrom, o.validUntil, l)}
          </Text>
          {!o.activeOnDate && <Badge color="gray">{t('notActive')}</Badge>}
        </Group>
      </DatedHead>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TitledCard title={t('parent')}>
          {o.parent ? (
            <Anchor component={Link} to={`/org/${o.parent.id}?asOf=${asOf}`}>
              {o.parent.name}
            </Anchor>
          ) : (
            <Text c="dimmed">{t('none')}</Text>
          )}
          {o.parentLinks.length > 0 && (
            <>
              <Text fw={600} mt="sm" size="sm">
                {t('parentHistory')}
              </Text>
              <HeadTable
                head={[t('parentOrg'), t('fromDate'), t('toDate')]}
                minWidth={360}
                fz="sm"
                data-testid="parent-links"
              >
                {o.parentLinks.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/org/${p.parent.id}?asOf=${p.validUntil ?? asOf}`} size="sm">
                        {p.parent.name}
                      </Anchor>
                    </Table.Td>
                    <DatesTd from={p.validFrom} until={p.validUntil} />
                  </Table.Tr>
                ))}
              </HeadTable>
            </>
          )}
          <Succession title={t('predecessors')} list={o.predecessors} testid="predecessors" before />
          <Succession title={t('successors')} list={o.successors} testid="successors" before={false} />
        </TitledCard>
        <TitledCard title={t('terms')}>
          {o.terms.length === 0 ? (
            <Text c="dimmed">{t('none')}</Text>
          ) : (
            <HeadTable head={[t('term'), t('fromDate'), t('toDate')]} fz="sm" data-testid="terms">
              {o.terms.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.name}</Table.Td>
                  <DatesTd from={x.validFrom} until={x.validUntil} />
                </Table.Tr>
              ))}
            </HeadTable>
          )}
          <Text size="sm" mt="sm" data-testid="party-member-count">
            {t('partyMembers')} ({fmt(asOf)}): <b>{o.partyMemberCount}</b>
          </Text>
        </TitledCard>
      </SimpleGrid>
      <TitledCard title={`${t('bodies')} (${fmt(asOf)})`}>
        {o.bodies.length > 0 && (
          <HeadTable head={[t('name'), t('kind'), t('memberCount')]} numeric={[2]} minWidth={420} striped>
            {o.bodies.map((b) => (
              <Table.Tr key={b.id} data-testid="body-row">
                <Table.Td>
                  <Anchor component={Link} to={`/body/${b.id}?asOf=${asOf}`}>
                    {b.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{label(l, BODY_KIND_LABELS[b.kind])}</Table.Td>
                <Table.Td ta="right">{b.memberCount}</Table.Td>
              </Table.Tr>
            ))}
          </HeadTable>
        )}
        {o.bodies.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      </TitledCard>
      <TitledCard title={`${t('children')} (${o.children.length})`}>
        {o.children.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={4}>
          {o.children.map((c) => (
            <Anchor key={c.id} component={Link} to={`/org/${c.id}?asOf=${asOf}`} size="sm" data-testid="child-link">
              {c.name}
            </Anchor>
          ))}
        </SimpleGrid>
      </TitledCard>
    </Stack>
  );
}

/** Predecessors or successors of an organization, each with the date of the change. */
function Succession({
  title,
  list,
  testid,
  before,
}: {
  title: string;
  list: OrgDetail['predecessors'];
  testid: string;
  before: boolean;
}) {
  const [l] = useLang();
  if (list.length === 0) return null;
  return (
    <>
      <Text fw={600} mt="sm" size="sm">
        {title}
      </Text>
      <List size="sm" data-testid={testid}>
        {list.map((p) => (
          <List.Item key={p.id}>
            {/* A predecessor is shown on the eve of the change (its last day), a successor on the day it took over. */}
            <Anchor component={Link} to={`/org/${p.id}?asOf=${before ? addDays(p.effectiveOn, -1) : p.effectiveOn}`}>
              {p.name}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              ({label(l, SUCCESSION_LABELS[p.succession], p.succession)}, {fmt(p.effectiveOn)})
            </Text>
          </List.Item>
        ))}
      </List>
    </>
  );
}
