import { Badge, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { TaskImportResultSchema } from '@quyche/core';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { SheetImportDialog, SheetTable } from '../../app/ui/sheet-import-dialog';

type ImportResult = z.infer<typeof TaskImportResultSchema>;

const ACTION_LABELS: Record<string, { vi: string; en: string; color: string }> = {
  create: { vi: 'Tạo mới', en: 'New', color: 'blue' },
  update: { vi: 'Cập nhật', en: 'Updated', color: 'orange' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged', color: 'gray' },
};

/**
 * "Nhập từ Excel": a sheet in the columns of the download; a row with a task id updates that task, one without
 * creates a task. Checked whole first, then imported in one go (the shared sheet-import dialog).
 */
export function TaskImportModal({
  opened,
  orgId,
  onClose,
  onImported,
}: {
  opened: boolean;
  orgId: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const [l, tr] = useTr();
  const count = (r: ImportResult) =>
    l === 'vi'
      ? `${r.created} nhiệm vụ tạo mới, ${r.updated} cập nhật, ${r.unchanged} không đổi`
      : `${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`;
  return (
    <SheetImportDialog<ImportResult>
      opened={opened}
      onClose={onClose}
      onImported={onImported}
      title={tr('Nhập nhiệm vụ từ Excel hoặc CSV', 'Import tasks from Excel or CSV')}
      testid="task-import"
      url="/tasks/import"
      body={{ orgId }}
      what={{ vi: 'nhiệm vụ', en: 'task' }}
      count={count}
      figures={(r) => ({ 'data-created': r.created, 'data-updated': r.updated, 'data-unchanged': r.unchanged })}
      mayImport={(r) => r.created + r.updated > 0}
      intro={
        <Text size="sm" c="dimmed">
          {tr(
            'Bảng tính .xlsx hoặc tệp .csv theo các cột của tệp tải về (dòng đầu là tiêu đề cột), tối đa 10.000 ' +
              'dòng. Dòng có "Mã nhiệm vụ" cập nhật nhiệm vụ đó, dòng không có mã tạo nhiệm vụ mới. Cả bảng được ' +
              'kiểm tra trước; còn một lỗi thì không nhập dòng nào.',
            'An .xlsx sheet or a .csv file in the columns of the download (the first row is the header), up to ' +
              '10,000 rows. A row with a task id updates that task, a row without one creates a task. The whole ' +
              'sheet is checked first; with any error nothing is imported.',
          )}
        </Text>
      }
      plan={(plan) => (
        <SheetTable
          head={[
            tr('Dòng', 'Row'),
            tr('Nhiệm vụ', 'Task'),
            tr('Chủ trì', 'Lead'),
            tr('Hạn', 'Due'),
            tr('Việc', 'Action'),
          ]}
          widths={[56, undefined, undefined, 100, 96]}
          wideOnly={[2, 3]}
        >
          {plan.rows.map((r) => (
            <Table.Tr key={r.row} data-testid="import-row" data-action={r.action} data-row={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.title}</Table.Td>
              <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                {r.lead ?? ''}
              </Table.Td>
              <Table.Td visibleFrom="sm">{fmt(r.dueDate)}</Table.Td>
              <Table.Td>
                <Badge size="xs" color={ACTION_LABELS[r.action]?.color} variant="light">
                  {ACTION_LABELS[r.action]?.[l] ?? r.action}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </SheetTable>
      )}
    />
  );
}
