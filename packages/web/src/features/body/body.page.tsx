import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { BODY_KIND_LABELS, POSITION_ROLE_LABELS } from '@quyche/core';
import type { BodyDetailSchema } from '@quyche/core';
import { fmt, period } from '../../app/ui/dates';
import { DatesTd, HeadTable } from '../../app/ui/shared-head-table';
import { DatedHead, useDatedRecord } from '../../app/ui/shared-dated-record';
import { TitledCard } from '../../app/ui/shared-section-card';
import { useTitle } from '../../app/ui/use-title';
import { label, useLang } from '../../app/ui/i18n';
import { Link } from '../../app/router';

type BodyDetail = z.infer<typeof BodyDetailSchema>;
type Member = BodyDetail['members'][number];

export function BodyPage({ id }: { id: string }) {
  const [l, t] = useLang();
  const { asOf, data: b, wait } = useDatedRecord<BodyDetail>(`/bodies/${encodeURIComponent(id)}`);
  useTitle(b?.name);
  if (wait || !b) return wait;
  const members = (list: Member[], testid: string, striped: boolean) => (
    <HeadTable head={[t('fullName'), t('position'), t('fromDate'), t('toDate')]} minWidth={500} striped={striped}>
      {list.map((m) => (
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
          <DatesTd from={m.validFrom} until={m.validUntil} />
        </Table.Tr>
      ))}
    </HeadTable>
  );
  return (
    <Stack>
      <DatedHead title={b.name} path={`/body/${id}`} asOf={asOf}>
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
      </DatedHead>
      <TitledCard title={`${t('membersOn')} ${fmt(asOf)} (${b.members.length})`}>
        {b.members.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        {members(b.members, 'member-row', true)}
      </TitledCard>
      <TitledCard title={`${t('history')} (${b.history.length})`}>
        {members(b.history, 'history-row', false)}
      </TitledCard>
    </Stack>
  );
}
