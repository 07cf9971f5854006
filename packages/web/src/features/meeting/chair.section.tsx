import { NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import { UpdateMeetingSchema } from '@quyche/core';
import type { BodyDetailSchema } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import type { SectionProps } from './meeting.types';
import { useAction } from './meeting.parts';
import { useTr } from '../../app/ui/i18n';
import { FormEnd } from '../../app/ui/shared-form-end';
import { EditableCard } from '../../app/ui/shared-section-card';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';

type BodyDetail = z.infer<typeof BodyDetailSchema>;
interface Member {
  personId: string;
  fullName: string;
  title: string | null;
  rank: number;
}
const OTHER = '__other__';
const RANK: Record<string, number> = { BI_THU: 0, PHO_BI_THU_TT: 1, PHO_BI_THU: 2 };

/**
 * The body's members on the meeting date (its secretaries first), else those summoned: whom the chair is picked among.
 */
function membersOf(m: SectionProps['m'], body: BodyDetail | undefined): Member[] {
  const seen = new Map<string, Member>();
  for (const x of body?.members ?? []) {
    const rank = RANK[x.role] ?? 9;
    const had = seen.get(x.person.id);
    if (!had || rank < had.rank)
      seen.set(x.person.id, { personId: x.person.id, fullName: x.person.fullName, title: x.title, rank });
  }
  if (seen.size === 0)
    for (const a of m.attendance)
      if (a.role === 'member' && a.personId)
        seen.set(a.personId, { personId: a.personId, fullName: a.fullName, title: a.title, rank: 9 });
  return [...seen.values()].sort((a, b) => a.rank - b.rank || a.fullName.localeCompare(b.fullName, 'vi'));
}

/**
 * Chair and secretary of the meeting: their names go into the minutes (the signed blocks "CHỦ TRÌ HỘI NGHỊ", "THƯ KÝ
 * HỘI NGHỊ") and the chair signs the conclusion notice. The chair is picked by name among the body's members; the
 * secretary is a member or anyone named (often an officer of the Office). Editable until the minutes are approved.
 */
export function ChairSection({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const [open, setOpen] = useState(false);
  const editable = m.can.write && !['minutes_approved', 'cancelled'].includes(m.state);
  const { data: body } = useApi<BodyDetail>(
    editable ? `/bodies/${encodeURIComponent(m.bodyId)}?asOf=${m.meetingDate}` : null,
  );
  const members = membersOf(m, body);
  const form = useSchemaForm(UpdateMeetingSchema, { chairPersonId: '', secretaryPick: '', secretaryName: '' }, (v) => ({
    version: m.version,
    chairPersonId: v.chairPersonId || null,
    // Someone else's name is required: blank, it is refused rather than clearing the secretary.
    secretaryName: v.secretaryPick === OTHER ? v.secretaryName.trim() : blankAs(v.secretaryName, null),
  }));
  const a = useAction((x) => {
    onMeeting(x);
    setOpen(false);
  }, reload);
  const start = () => {
    a.setError(null);
    // A secretary recorded by name stays "someone else" unless the name is a member's.
    const name = m.secretaryName ?? '';
    form.setValues({
      chairPersonId: m.chair?.personId ?? '',
      secretaryPick: !name ? '' : members.some((x) => x.fullName === name) ? name : OTHER,
      secretaryName: name,
    });
    form.clearErrors();
    setOpen(true);
  };
  const pickSecretary = (v: string) => form.setValues({ secretaryPick: v, secretaryName: v === OTHER ? '' : v });
  const submit = form.submitBody((body) => void a.run(() => api('PATCH', `/meetings/${m.id}`, body)));
  const label = (x: Member) => (x.title ? `${x.fullName} — ${x.title}` : x.fullName);
  return (
    <EditableCard
      title={tr('Chủ trì, thư ký', 'Chair and secretary')}
      testid="chair-section"
      align="start"
      edit={{
        shown: editable && !open,
        label: tr('Chọn chủ trì, thư ký', 'Set chair and secretary'),
        onClick: start,
        testid: 'chair-edit',
      }}
    >
      <Stack gap={4} mt="xs">
        <Text size="sm" data-testid="chair-name">
          <b>{tr('Chủ trì', 'Chair')}:</b>{' '}
          {m.chair ? `${m.chair.fullName}${m.chair.title ? `, ${m.chair.title}` : ''}` : tr('chưa chọn', 'not set')}
        </Text>
        <Text size="sm" data-testid="secretary-name">
          <b>{tr('Thư ký', 'Secretary')}:</b> {m.secretaryName ?? tr('chưa chọn', 'not set')}
        </Text>
        <Text size="xs" c="dimmed">
          {tr(
            'Tên người chủ trì, thư ký được ghi vào biên bản (ô ký “CHỦ TRÌ HỘI NGHỊ”, “THƯ KÝ HỘI NGHỊ”); người chủ ' +
              'trì ký thông báo kết luận.',
            'Their names go into the minutes (the chair’s and the secretary’s signed blocks); the chair signs the ' +
              'conclusion notice.',
          )}
        </Text>
      </Stack>
      {open && (
        <form onSubmit={submit} noValidate data-testid="chair-form">
          <Stack gap="xs" mt="sm">
            <NativeSelect
              label={tr('Người chủ trì hội nghị', 'Chair')}
              description={tr(
                `Ủy viên của ${m.bodyName} vào ngày họp ${fmt(m.meetingDate)}`,
                `A member of the body on ${fmt(m.meetingDate)}`,
              )}
              {...form.getInputProps('chairPersonId')}
              data={[
                { value: '', label: tr('(chưa chọn)', '(none)') },
                ...members.map((x) => ({ value: x.personId, label: label(x) })),
              ]}
              data-testid="chair-select"
            />
            <NativeSelect
              label={tr('Thư ký hội nghị', 'Secretary')}
              value={form.values.secretaryPick}
              onChange={(e) => pickSecretary(e.currentTarget.value)}
              data={[
                { value: '', label: tr('(chưa chọn)', '(none)') },
                ...members.map((x) => ({ value: x.fullName, label: label(x) })),
                { value: OTHER, label: tr('Người khác — nhập họ tên', 'Someone else — type the name') },
              ]}
              data-testid="secretary-select"
            />
            {form.values.secretaryPick === OTHER && (
              <TextInput
                label={tr('Họ tên, chức vụ của thư ký', 'Secretary’s name and office')}
                placeholder={tr(
                  'Ví dụ: Nguyễn Thị Hoa, Phó Chánh Văn phòng Tỉnh ủy',
                  'e.g. Nguyễn Thị Hoa, Deputy Chief of the Office',
                )}
                {...form.getInputProps('secretaryName')}
                maxLength={200}
                required
                data-testid="secretary-input"
              />
            )}
            <FormEnd
              name="chair"
              form={form}
              write={a}
              closable
              onCancel={() => setOpen(false)}
              submitTestid="chair-save"
            >
              {tr('Lưu', 'Save')}
            </FormEnd>
          </Stack>
        </form>
      )}
    </EditableCard>
  );
}
