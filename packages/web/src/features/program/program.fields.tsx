import { Badge, Button, CloseButton, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { TEAM_ROLES } from '@quyche/core';
import { FormDate } from '../../app/ui/date-field';
import { AddRowButton } from '../../app/ui/add-row-button';
import { useTr } from '../../app/ui/i18n';
import { GroupError } from '../task/step-form';
import type { OrgDetail } from '../../app/types';
import { teamRoleLabel } from './program.parts';

export interface Target {
  id: string | null;
  name: string;
}
export interface TeamRow {
  personId: string;
  role: (typeof TEAM_ROLES)[number];
}

/** The organizations below that can be inspected, by the name the Party uses for their committee. */
export const targetOptions = (org: OrgDetail | undefined) =>
  (org?.children ?? []).map((c) => ({ value: c.id, label: c.shortName ?? c.name }));

/** Targets of an inspection: organizations below picked from a list, or any other name typed in. */
export function TargetsField({
  value,
  onChange,
  org,
  testid = 'targets',
}: {
  value: Target[];
  onChange: (v: Target[]) => void;
  org: OrgDetail | undefined;
  testid?: string;
}) {
  const [, tr] = useTr();
  const [other, setOther] = useState('');
  const options = targetOptions(org).filter((o) => !value.some((t) => t.id === o.value));
  const addOther = () => {
    const n = other.trim();
    if (n && !value.some((t) => t.name === n)) onChange([...value, { id: null, name: n }]);
    setOther('');
  };
  return (
    <Stack gap={4} data-testid={testid} data-count={value.length}>
      <Text size="sm" fw={500}>
        {tr('Đối tượng kiểm tra, giám sát', 'Targets')}
      </Text>
      <Group gap={4} wrap="wrap">
        {value.length === 0 && (
          <Text size="xs" c="dimmed">
            {tr('Chưa chọn đối tượng', 'No target yet')}
          </Text>
        )}
        {value.map((t) => (
          <Badge
            key={`${t.id}-${t.name}`}
            variant="light"
            size="lg"
            style={{ textTransform: 'none', maxWidth: '100%' }}
            rightSection={
              <CloseButton
                size="xs"
                aria-label={tr(`Bỏ ${t.name}`, `Remove ${t.name}`)}
                onClick={() => onChange(value.filter((x) => x !== t))}
              />
            }
            data-testid={`${testid}-chip`}
          >
            {t.name}
          </Badge>
        ))}
      </Group>
      <Group gap="xs" align="end" wrap="wrap">
        <NativeSelect
          aria-label={tr('Thêm tổ chức trực thuộc', 'Add a subordinate organization')}
          value=""
          onChange={(e) => {
            const o = options.find((x) => x.value === e.currentTarget.value);
            if (o) onChange([...value, { id: o.value, name: o.label }]);
          }}
          data={[
            { value: '', label: tr('+ Thêm tổ chức trực thuộc…', '+ Add a subordinate organization…') },
            ...options,
          ]}
          data-testid={`${testid}-add`}
          style={{ flex: '1 1 220px', minWidth: 0 }}
        />
        <TextInput
          aria-label={tr('Đối tượng khác', 'Other target')}
          placeholder={tr('Đối tượng khác (gõ tên)', 'Other target (type a name)')}
          value={other}
          onChange={(e) => setOther(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), addOther())}
          style={{ flex: '1 1 180px', minWidth: 0 }}
          data-testid={`${testid}-other`}
        />
        <Button
          variant="light"
          size="sm"
          onClick={addOther}
          disabled={!other.trim()}
          data-testid={`${testid}-other-add`}
        >
          {tr('Thêm', 'Add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The team: one person a row with a role; exactly one leader (the server checks it when the team is decided). */
export function TeamField({
  value,
  onChange,
  people,
  testid = 'team',
}: {
  value: TeamRow[];
  onChange: (v: TeamRow[]) => void;
  people: { value: string; label: string }[];
  testid?: string;
}) {
  const [l, tr] = useTr();
  const set = (i: number, p: Partial<TeamRow>) => onChange(value.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <Stack gap={4} data-testid={testid}>
      <Text size="sm" fw={500}>
        {tr('Đoàn kiểm tra, giám sát', 'Team')}
      </Text>
      {value.map((m, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="end" data-testid={`${testid}-row`}>
          <NativeSelect
            aria-label={tr('Thành viên đoàn', 'Team member')}
            value={m.personId}
            onChange={(e) => set(i, { personId: e.currentTarget.value })}
            data={[{ value: '', label: tr('(chọn người)', '(choose a person)') }, ...people]}
            data-testid={`${testid}-person`}
            style={{ flex: 1, minWidth: 0 }}
          />
          <NativeSelect
            aria-label={tr('Vai trò', 'Role')}
            value={m.role}
            onChange={(e) => set(i, { role: e.currentTarget.value as TeamRow['role'] })}
            data={TEAM_ROLES.map((r) => ({ value: r, label: teamRoleLabel(r, l) }))}
            data-testid={`${testid}-role`}
            w={150}
          />
          <CloseButton
            aria-label={tr('Bỏ người này', 'Remove')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            mb={6}
          />
        </Group>
      ))}
      <AddRowButton
        onClick={() =>
          onChange([...value, { personId: '', role: value.some((x) => x.role === 'leader') ? 'member' : 'leader' }])
        }
        testid={`${testid}-add`}
      >
        {tr('Thêm người', 'Add a person')}
      </AddRowButton>
    </Stack>
  );
}

/** The part of an inspection's form that its create and edit forms share: the team, the targets and the dates. */
interface PlanForm {
  values: { team: TeamRow[]; targets: Target[] };
  errors: Record<string, ReactNode>;
  setFieldValue: ((path: 'team', v: TeamRow[]) => void) & ((path: 'targets', v: Target[]) => void);
  valueProps: (path: string) => { value: string; onChange: (v: string) => void; error?: ReactNode };
}

/** The targets (`testid-targets`), what is wrong with them, and the dates the team works (`testid-from`, `-to`). */
export function TargetsAndWindow({
  form,
  org,
  testid,
}: {
  form: PlanForm;
  org: OrgDetail | undefined;
  testid: string;
}) {
  const [, tr] = useTr();
  return (
    <>
      <TargetsField
        value={form.values.targets}
        onChange={(x) => form.setFieldValue('targets', x)}
        org={org}
        testid={`${testid}-targets`}
      />
      <GroupError errors={form.errors} prefix="targets" testid={`${testid}-targets-error`} />
      <Group gap="xs" align="end" wrap="wrap">
        <FormDate form={form} path="windowFrom" testid={`${testid}-from`}>
          {tr('Tiến hành từ ngày', 'From')}
        </FormDate>
        <FormDate form={form} path="windowTo" testid={`${testid}-to`}>
          {tr('đến ngày', 'to')}
        </FormDate>
      </Group>
    </>
  );
}

/** The team (`testid`), and what is wrong with it (`errorTestid`). */
export function TeamInput({
  form,
  people,
  testid,
  errorTestid,
}: {
  form: PlanForm;
  people: { value: string; label: string }[];
  testid: string;
  errorTestid: string;
}) {
  return (
    <>
      <TeamField
        value={form.values.team}
        onChange={(x) => form.setFieldValue('team', x)}
        people={people}
        testid={testid}
      />
      <GroupError errors={form.errors} prefix="team" testid={errorTestid} />
    </>
  );
}
