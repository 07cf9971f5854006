import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import { addDays, BODY_KIND_LABELS, ORGANIZATION_KIND_LABELS, todayInVietnam } from '@quyche/core';
import type { OrganizationDetailSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { ErrorView } from '../../app/ui/error-view';
import { fmt, period } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { label, SUCCESSION_LABELS, useLang } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';

type OrgDetail = z.infer<typeof OrganizationDetailSchema>;

export function OrgPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const {
    data: o,
    error,
    loading,
  } = useApi<OrgDetail>(`/organizations/${encodeURIComponent(id)}?asOf=${encodeURIComponent(asOf)}`);
  useTitle(o?.name);
  if (loading && !o) return <Loading />;
  if (error) return <ErrorView error={error} />;
  if (!o) return null;
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {o.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{label(l, ORGANIZATION_KIND_LABELS[o.kind])}</Badge>
          <Text size="sm" c="dimmed">
            {period(o.validFrom, o.validUntil, l)}
          </Text>
          {!o.activeOnDate && <Badge color="gray">{t('notActive')}</Badge>}
        </Group>
      </div>
      <AsOfPicker value={asOf} onChange={(d) => navigate(`/org/${id}?asOf=${d}`, true)} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('parent')}
          </Title>
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
              <Table.ScrollContainer minWidth={360}>
                <Table fz="sm" data-testid="parent-links">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('parentOrg')}</Table.Th>
                      <Table.Th>{t('fromDate')}</Table.Th>
                      <Table.Th>{t('toDate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {o.parentLinks.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/org/${p.parent.id}?asOf=${p.validUntil ?? asOf}`} size="sm">
                            {p.parent.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{fmt(p.validFrom)}</Table.Td>
                        <Table.Td>{fmt(p.validUntil)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
          <Succession title={t('predecessors')} list={o.predecessors} testid="predecessors" before />
          <Succession title={t('successors')} list={o.successors} testid="successors" before={false} />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('terms')}
          </Title>
          {o.terms.length === 0 ? (
            <Text c="dimmed">{t('none')}</Text>
          ) : (
            <Table fz="sm" data-testid="terms">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('term')}</Table.Th>
                  <Table.Th>{t('fromDate')}</Table.Th>
                  <Table.Th>{t('toDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.terms.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>{x.name}</Table.Td>
                    <Table.Td>{fmt(x.validFrom)}</Table.Td>
                    <Table.Td>{fmt(x.validUntil)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" mt="sm" data-testid="party-member-count">
            {t('partyMembers')} ({fmt(asOf)}): <b>{o.partyMemberCount}</b>
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('bodies')} ({fmt(asOf)})
        </Title>
        {o.bodies.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('kind')}</Table.Th>
                  <Table.Th ta="right">{t('memberCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {o.bodies.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('children')} ({o.children.length})
        </Title>
        {o.children.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={4}>
          {o.children.map((c) => (
            <Anchor key={c.id} component={Link} to={`/org/${c.id}?asOf=${asOf}`} size="sm" data-testid="child-link">
              {c.name}
            </Anchor>
          ))}
        </SimpleGrid>
      </Card>
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
