import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import { BODY_KIND_LABELS, ORGANIZATION_KIND_LABELS, todayInVietnam } from '@quyche/core';
import type { OrganizationDetailSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { AsOfPicker, ErrorView, fmt, Loading, period } from '../../app/common';
import { label, useLang } from '../../app/i18n';
import { Link, navigate, useLocation } from '../../app/router';

type OrgDetail = z.infer<typeof OrganizationDetailSchema>;

export function OrgPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const { data: o, error, loading } = useApi<OrgDetail>(`/organizations/${id}?asOf=${asOf}`);
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
            {o.code} · {period(o.validFrom, o.validUntil, l)}
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
              <List size="sm">
                {o.parentLinks.map((p) => (
                  <List.Item key={p.id}>
                    {p.parent.name} — {period(p.validFrom, p.validUntil, l)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Succession title={t('predecessors')} list={o.predecessors} asOf={asOf} />
          <Succession title={t('successors')} list={o.successors} asOf={asOf} />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('terms')}
          </Title>
          {o.terms.length === 0 && <Text c="dimmed">{t('none')}</Text>}
          <List size="sm">
            {o.terms.map((x) => (
              <List.Item key={x.id}>
                {t('term')} {x.name}: {period(x.validFrom, x.validUntil, l)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="sm">
            {t('partyMembers')}: {o.partyMemberCount}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('bodies')}
        </Title>
        <Table striped>
          <Table.Tbody>
            {o.bodies.map((b) => (
              <Table.Tr key={b.id} data-testid="body-row">
                <Table.Td>
                  <Anchor component={Link} to={`/body/${b.id}?asOf=${asOf}`}>
                    {b.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{label(l, BODY_KIND_LABELS[b.kind])}</Table.Td>
                <Table.Td>{b.memberCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {o.bodies.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('children')} ({o.children.length})
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={4}>
          {o.children.map((c) => (
            <Anchor key={c.id} component={Link} to={`/org/${c.id}?asOf=${asOf}`} size="sm">
              {c.name}
            </Anchor>
          ))}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}

/** Predecessors or successors of an organization, each with the date of the change. */
function Succession({ title, list, asOf }: { title: string; list: OrgDetail['predecessors']; asOf: string }) {
  if (list.length === 0) return null;
  return (
    <>
      <Text fw={600} mt="sm" size="sm">
        {title}
      </Text>
      <List size="sm">
        {list.map((p) => (
          <List.Item key={p.id}>
            <Anchor component={Link} to={`/org/${p.id}?asOf=${asOf}`}>
              {p.name}
            </Anchor>{' '}
            ({fmt(p.effectiveOn)})
          </List.Item>
        ))}
      </List>
    </>
  );
}
