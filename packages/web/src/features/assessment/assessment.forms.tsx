import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { ADJUSTABLE_FIGURES, ASSESSMENT_FACTS, FIGURE_LABEL_VI } from '@quyche/core';
import { useState } from 'react';
import { api } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { useTr } from '../../app/ui/i18n';
import { SectionCard } from '../../app/ui/shared-section-card';
import { useOnChange } from '../../app/ui/use-on-change';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { label, LEVEL } from './assessment.labels';
import type { Sheet } from './assessment.labels';

const num = (n: number) => String(n).replace('.', ',');

/** The self-assessment: points for each criterion group (up to its maximum) and the written self-review. */
export function SelfForm({ sheet, onSaved }: { sheet: Sheet; onSaved: () => void }) {
  const [, tr] = useTr();
  const [points, setPoints] = useState<Record<string, number | ''>>({});
  const [text, setText] = useState('');
  useOnChange(sheet.id + sheet.version, () => {
    setPoints(Object.fromEntries(sheet.criteria.map((c) => [c.id, sheet.self?.points[c.id] ?? ''])));
    setText(sheet.self?.text ?? '');
  });
  const save = useRun<Sheet>(() => onSaved());
  const total = Object.values(points).reduce<number>((n, p) => n + (p === '' ? 0 : p), 0);
  const max = sheet.criteria.reduce((n, c) => n + c.max, 0);
  const edit = sheet.mayEditSelf;
  return (
    <SectionCard title={tr('Tự đánh giá, chấm điểm', 'Self-assessment')} testid="assessment-self">
      <CardTable minWidth={480} striped fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{tr('Nhóm tiêu chí', 'Criteria')}</Table.Th>
            <Table.Th>{tr('Tối đa', 'Max')}</Table.Th>
            <Table.Th>{tr('Tự chấm', 'Points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.criteria.map((c) => (
            <Table.Tr key={c.id} data-testid="assessment-criterion">
              <Table.Td className="qc-wide">{c.text}</Table.Td>
              <Table.Td data-label={tr('Tối đa', 'Max')}>{c.max}</Table.Td>
              <Table.Td data-label={tr('Tự chấm', 'Points')}>
                {edit ? (
                  <NumberInput
                    size="xs"
                    w={90}
                    min={0}
                    max={c.max}
                    step={0.5}
                    decimalSeparator=","
                    value={points[c.id] ?? ''}
                    onChange={(v) => setPoints({ ...points, [c.id]: typeof v === 'number' ? v : '' })}
                    aria-label={c.text}
                    data-testid={`assessment-points-${c.id}`}
                  />
                ) : (
                  (sheet.self?.points[c.id] ?? '—')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CardTable>
      <Text size="sm" fw={600} data-testid="assessment-self-total">
        {tr('Tổng điểm', 'Total')}: {num(edit ? total : (sheet.self?.total ?? 0))}/{max}
      </Text>
      {edit ? (
        <Stack gap="xs">
          <Textarea
            label={tr('Bản tự kiểm điểm (ưu điểm, hạn chế, hướng khắc phục)', 'Self-review')}
            autosize
            minRows={3}
            maxLength={20000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="assessment-self-text"
          />
          <WriteError error={save.error} testid="assessment-self-error" />
          <Group>
            <Button
              loading={save.busy}
              onClick={() =>
                void save.run(() =>
                  api<Sheet>('POST', `/assessments/${sheet.id}/self`, {
                    version: sheet.version,
                    // A group left empty is sent as missing: the server names it.
                    points: Object.fromEntries(Object.entries(points).filter(([, p]) => p !== '')),
                    text,
                  }),
                )
              }
              data-testid="assessment-self-save"
            >
              {tr('Lưu bản tự đánh giá', 'Save the self-assessment')}
            </Button>
          </Group>
        </Stack>
      ) : (
        sheet.self?.text && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {sheet.self.text}
          </Text>
        )
      )}
    </SectionCard>
  );
}

const FIELDS = [...ADJUSTABLE_FIGURES, ...ASSESSMENT_FACTS] as string[];
const isFact = (f: string) => (ASSESSMENT_FACTS as readonly string[]).includes(f);

/**
 * What the assessor does: change a figure or record a fact (the reason required), give the cell's opinion and the
 * level it proposes, and — for the competent level — decide, the server checking the rules and the unit's quota.
 */
export function AssessorForms({ sheet, onSaved }: { sheet: Sheet; onSaved: () => void }) {
  const [l, tr] = useTr();
  const [field, setField] = useState<string>('tasks_exceeded');
  const [value, setValue] = useState<number | ''>('');
  const [fact, setFact] = useState(true);
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState('');
  const [proposed, setProposed] = useState('');
  const [level, setLevel] = useState('');
  const [outstanding, setOutstanding] = useState(false);
  const [justification, setJustification] = useState('');
  const adjust = useRun<Sheet>(() => {
    setReason('');
    setValue('');
    onSaved();
  });
  const opine = useRun<Sheet>(() => onSaved());
  const decide = useRun<Sheet>(() => onSaved());
  useOnChange(sheet.id, () => {
    setOpinion(sheet.opinion?.text ?? '');
    setProposed(sheet.opinion?.level ?? sheet.classification?.level ?? '');
    setLevel(sheet.classification?.level ?? '');
  });
  if (!sheet.mayAssess) return null;
  const levels = Object.keys(LEVEL).map((k) => ({ value: k, label: label(LEVEL, k, l) }));
  return (
    <SectionCard
      title={tr('Chi bộ, cấp ủy đánh giá', 'Assessment by the cell and the committee')}
      testid="assessment-assessor"
    >
      <Stack gap="xs" data-testid="assessment-adjust">
        <Text size="sm" fw={600}>
          {tr(
            'Sửa số liệu hoặc ghi sự việc (bắt buộc ghi lý do)',
            'Change a figure or record a fact (reason required)',
          )}
        </Text>
        <Group align="end" gap="xs" wrap="wrap">
          <NativeSelect
            label={tr('Số liệu', 'Figure')}
            value={field}
            onChange={(e) => setField(e.currentTarget.value)}
            data={FIELDS.map((f) => ({ value: f, label: FIGURE_LABEL_VI[f] ?? f }))}
            data-testid="assessment-adjust-field"
            w={{ base: '100%', sm: 360 }}
          />
          {isFact(field) ? (
            <Checkbox
              label={tr('Có', 'Yes')}
              checked={fact}
              onChange={(e) => setFact(e.currentTarget.checked)}
              data-testid="assessment-adjust-fact"
            />
          ) : (
            <NumberInput
              label={tr('Số mới', 'New value')}
              min={0}
              w={110}
              value={value}
              onChange={(v) => setValue(typeof v === 'number' ? v : '')}
              data-testid="assessment-adjust-value"
            />
          )}
        </Group>
        <Textarea
          label={tr('Lý do', 'Reason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="assessment-adjust-reason"
        />
        <WriteError error={adjust.error} testid="assessment-adjust-error" />
        <Group>
          <Button
            size="xs"
            variant="light"
            loading={adjust.busy}
            onClick={() =>
              void adjust.run(() =>
                api<Sheet>('POST', `/assessments/${sheet.id}/adjust`, {
                  version: sheet.version,
                  field,
                  // An empty number is not sent: the server names the missing value.
                  ...(isFact(field) ? { value: fact } : value === '' ? {} : { value }),
                  reason,
                }),
              )
            }
            data-testid="assessment-adjust-save"
          >
            {tr('Ghi thay đổi', 'Record the change')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs" data-testid="assessment-opinion-form">
        <Textarea
          label={tr('Ý kiến của chi bộ', 'The cell’s opinion')}
          autosize
          minRows={2}
          value={opinion}
          onChange={(e) => setOpinion(e.currentTarget.value)}
          data-testid="assessment-opinion-text"
        />
        <NativeSelect
          label={tr('Mức đề xuất', 'Proposed level')}
          value={proposed}
          onChange={(e) => setProposed(e.currentTarget.value)}
          data={[{ value: '', label: tr('(không đề xuất)', '(none)') }, ...levels]}
          data-testid="assessment-opinion-level"
          w={{ base: '100%', sm: 320 }}
        />
        <WriteError error={opine.error} testid="assessment-opinion-error" />
        <Group>
          <Button
            size="xs"
            variant="light"
            loading={opine.busy}
            onClick={() =>
              void opine.run(() =>
                api<Sheet>('POST', `/assessments/${sheet.id}/opinion`, {
                  version: sheet.version,
                  text: opinion,
                  ...(proposed ? { level: proposed } : {}),
                }),
              )
            }
            data-testid="assessment-opinion-save"
          >
            {tr('Ghi ý kiến', 'Record the opinion')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs" data-testid="assessment-decide">
        <NativeSelect
          label={tr('Cấp có thẩm quyền quyết định xếp loại', 'Decided level')}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          data={[{ value: '', label: tr('(chọn mức)', '(choose)') }, ...levels]}
          data-testid="assessment-decide-level"
          w={{ base: '100%', sm: 320 }}
        />
        {level === 'xuat_sac' && (
          <Checkbox
            label={tr(
              'Đơn vị có thành tích xuất sắc, nổi trội (tỷ lệ đến 25%, ghi căn cứ)',
              'Outstanding unit (quota up to 25%, give the grounds)',
            )}
            checked={outstanding}
            onChange={(e) => setOutstanding(e.currentTarget.checked)}
            data-testid="assessment-decide-outstanding"
          />
        )}
        <Textarea
          label={tr('Căn cứ, giải trình (nếu có)', 'Grounds (if any)')}
          autosize
          minRows={2}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          data-testid="assessment-decide-justification"
        />
        <WriteError error={decide.error} testid="assessment-decide-error" />
        <Group>
          <Button
            size="xs"
            loading={decide.busy}
            disabled={!level}
            onClick={() =>
              void decide.run(() =>
                api<Sheet>('POST', `/assessments/${sheet.id}/decide`, {
                  version: sheet.version,
                  level,
                  ...(level === 'xuat_sac' && outstanding ? { outstanding: true } : {}),
                  ...(justification.trim() ? { justification } : {}),
                }),
              )
            }
            data-testid="assessment-decide-save"
          >
            {tr('Quyết định xếp loại', 'Decide')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
