import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { AdoptProgramSchema, addDays, todayInVietnam } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { Loading } from '../../app/ui/loading';
import { Dialog } from '../../app/ui/dialog';
import { FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import type { MeetingListItem } from '../../app/types';
import { ganttRange } from './program.gantt';
import { useRun } from '../../app/ui/use-run';
import { useSchemaForm } from '../../app/ui/schema-form';
import { chosenId } from '../task/step-form';
import type { Program } from './program.parts';
import { MeetingSelect } from '../../app/ui/meeting-select';
import { FormEnd } from '../../app/ui/shared-form-end';

/** A program is adopted at a meeting that is in session or has been held. */
const HELD = ['in_session', 'closed', 'minutes_approved'];

/**
 * "Thông qua": the meeting that adopts the program, chosen among the organization's meetings held; the body that
 * must adopt it is shown first, and the server's refusal (with its clause) when another body's meeting is chosen.
 */
export function AdoptDialog({
  p,
  opened,
  onClose,
  onAdopted,
}: {
  p: Program;
  opened: boolean;
  onClose: () => void;
  onAdopted: (p: Program) => void;
}) {
  const [, tr] = useTr();
  const today = todayInVietnam();
  const from = addDays(ganttRange(p).from, -366);
  const { data, loading } = useApi<MeetingListItem[]>(
    opened ? `/meetings?orgId=${encodeURIComponent(p.orgId)}&from=${from}&to=${today}` : null,
  );
  const held = (data ?? [])
    .filter((m) => HELD.includes(m.state))
    .sort((a, b) =>
      a.meetingDate === b.meetingDate ? a.title.localeCompare(b.title) : a.meetingDate < b.meetingDate ? 1 : -1,
    );
  const form = useSchemaForm(AdoptProgramSchema, { meetingId: '', adoptedOn: '', generateTasks: true }, (v) => ({
    version: p.version,
    meetingId: chosenId(v.meetingId),
    ...(v.adoptedOn ? { adoptedOn: v.adoptedOn } : {}),
    generateTasks: v.generateTasks,
  }));
  const meetingId = form.values.meetingId;
  const a = useRun<Program>((x) => {
    onAdopted(x);
    form.setValues({ meetingId: '', adoptedOn: '' });
  });
  const chosen = held.find((m) => m.id === meetingId);
  const competent = p.competence?.competent ?? null;
  const mismatch = !!chosen && !!competent && chosen.bodyKind !== competent;
  const submit = form.submitBody((body) => void a.run(() => api<Program>('POST', `/programs/${p.id}/adopt`, body)));
  return (
    <Dialog opened={opened} onClose={onClose} title={tr('Thông qua chương trình', 'Adopt the program')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" data-testid="adopt-dialog">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {p.title}
          </Text>
          {p.competence && (
            <Alert
              color="blue"
              title={tr('Cơ quan có thẩm quyền thông qua', 'The body that must adopt it')}
              data-testid="adopt-competent"
              data-competent={competent ?? ''}
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {p.competence.reason_vi}
              </Text>
            </Alert>
          )}
          {loading && !data && <Loading />}
          {data && held.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="adopt-no-meeting">
              {tr(
                'Chưa có hội nghị nào đang họp hoặc đã họp để thông qua chương trình.',
                'No meeting in session or held to adopt the program at.',
              )}
            </Text>
          )}
          {held.length > 0 && (
            <MeetingSelect
              label={tr('Hội nghị thông qua', 'Adopted at the meeting')}
              description={tr(
                'Hội nghị đang họp hoặc đã họp của tổ chức',
                'A meeting of the organization in session or held',
              )}
              meetings={held}
              value={meetingId}
              onChange={(id) => {
                form.setFieldValue('meetingId', id);
                a.setError(null);
              }}
              none={tr('(chọn hội nghị)', '(choose a meeting)')}
              withState
              byBody
              testid="adopt-meeting"
            />
          )}
          {form.errors['meetingId'] && (
            <Text size="xs" c="red.8" mt={-8} data-testid="adopt-meeting-error">
              {form.errors['meetingId']}
            </Text>
          )}
          {mismatch && (
            <Text size="sm" c="orange.8" data-testid="adopt-mismatch">
              {tr(
                `Hội nghị này của ${chosen.bodyName}, không phải cơ quan có thẩm quyền nêu trên: máy chủ sẽ kiểm tra ` +
                  `theo quy chế.`,
                `This meeting is of ${chosen.bodyName}, not the competent body above: the server checks it ` +
                  `against the regulation.`,
              )}
            </Text>
          )}
          <FormDate form={form} path="adoptedOn" testid="adopt-date">
            {tr('Ngày thông qua', 'Adopted on')}
          </FormDate>
          <Text size="xs" c="dimmed" mt={-8}>
            {tr('Để trống: ngày họp của hội nghị đã chọn.', 'Empty: the date of the chosen meeting.')}
          </Text>
          <Checkbox
            label={tr('Giao nhiệm vụ theo các mục ngay khi thông qua', 'Assign the items’ tasks on adoption')}
            {...form.getInputProps('generateTasks', { type: 'checkbox' })}
            data-testid="adopt-generate"
          />
          <FormEnd name="adopt" form={form} write={a} closable onCancel={onClose} color="green">
            {tr('Thông qua', 'Adopt')}
          </FormEnd>
        </Stack>
      </form>
    </Dialog>
  );
}
