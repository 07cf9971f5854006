import { Button, Card, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../app/api';
import { Link } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';

interface Given {
  id: string;
  title: string;
  sixClear?: { complete: boolean; missing: { message_vi: string }[] };
}

/**
 * The tasks of the cell's monthly resolution, given one by one from the recorded meeting with the 6 rõ: what, one
 * member to lead it, by when, its product; the secretary supervises and the cell is the deciding level. The task
 * list then follows them like any other.
 */
export function ResolutionTasks({
  cellId,
  bodyId,
  source,
  members,
  supervisorId,
}: {
  cellId: string;
  bodyId: string;
  source: string;
  members: { personId: string; fullName: string }[];
  supervisorId: string | null;
}) {
  const [, tr] = useTr();
  const empty = { title: '', lead: '', due: '', product: '' };
  const [f, setF] = useState(empty);
  const [given, setGiven] = useState<Given[]>([]);
  const w = useRun<Given>((t) => {
    setGiven((g) => [...g, t]);
    setF(empty);
  });
  const lead = members.find((m) => m.personId === f.lead);
  const submit = () =>
    void w.run(() =>
      api<Given>('POST', '/tasks', {
        orgId: cellId,
        title: f.title,
        leads: lead ? [{ kind: 'person', id: lead.personId, name: lead.fullName }] : [],
        dueDate: f.due || null,
        product: f.product || null,
        supervisorPersonId: supervisorId,
        decidingBody: 'CHI_BO',
        sourceKind: 'resolution',
        sourceLabel: source,
        sourceBodyId: bodyId,
        assign: true,
      }),
    );
  return (
    <Card withBorder p="sm" data-testid="resolution-tasks">
      <Title order={2} size="h5" mb={4}>
        {tr('Giao nhiệm vụ theo nghị quyết', 'Tasks of the resolution')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {tr(
          'Mỗi nhiệm vụ đủ "6 rõ": rõ việc, một đảng viên chủ trì, rõ thời hạn, rõ sản phẩm; bí thư chi bộ theo ' +
            'dõi, chi bộ là cấp quyết định.',
          'Each task with the "6 clear": what, one member leading, by when, its product; the secretary supervises.',
        )}
      </Text>
      {given.length > 0 && (
        <List size="sm" spacing={4} mb="xs" data-testid="resolution-tasks-given">
          {given.map((t) => (
            <List.Item key={t.id}>
              <Link to={`/tasks/${t.id}`}>{t.title}</Link>
              {t.sixClear && !t.sixClear.complete && (
                <Text size="xs" c="orange.8">
                  {t.sixClear.missing.map((m) => m.message_vi).join('; ')}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <Stack gap="xs">
        <TextInput
          size="xs"
          label={tr('Việc cần làm', 'What')}
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
          data-testid="resolution-task-title"
        />
        <NativeSelect
          size="xs"
          label={tr('Đảng viên chủ trì', 'Member leading')}
          value={f.lead}
          onChange={(e) => setF({ ...f, lead: e.currentTarget.value })}
          data={[{ value: '', label: tr('— chọn một đảng viên —', '— choose one member —') }].concat(
            members.map((m) => ({ value: m.personId, label: m.fullName })),
          )}
          data-testid="resolution-task-lead"
        />
        <Group gap="xs" align="flex-start" wrap="wrap">
          <DateField
            label={tr('Thời hạn', 'Due')}
            value={f.due}
            onChange={(due) => setF({ ...f, due })}
            testid="resolution-task-due"
          />
          <TextInput
            size="xs"
            label={tr('Sản phẩm', 'Product')}
            value={f.product}
            onChange={(e) => setF({ ...f, product: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 160 }}
            data-testid="resolution-task-product"
          />
        </Group>
        <WriteError error={w.error} testid="resolution-task-error" />
        <Group>
          <Button size="xs" onClick={submit} loading={w.busy} data-testid="resolution-task-submit">
            {tr('Giao nhiệm vụ', 'Give the task')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
