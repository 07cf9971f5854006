import { Alert, Badge, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { TaskImportResultSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { Dialog } from '../../app/ui/dialog';
import type { Me } from '../../app/session';
import { fileToBase64 } from '../../app/ui/file';
import { useTr } from '../../app/ui/i18n';

type ImportResult = z.infer<typeof TaskImportResultSchema>;
interface SheetError {
  row: number;
  column: string;
  columnTitle: string;
  message: string;
}
/** A refusal of the sheet: its problem+json, with every error by row and column. */
interface Refusal {
  status: number;
  title: string;
  detail: string;
  errors: SheetError[];
}

const ACTION_LABELS: Record<string, { vi: string; en: string; color: string }> = {
  create: { vi: 'Tạo mới', en: 'New', color: 'blue' },
  update: { vi: 'Cập nhật', en: 'Updated', color: 'orange' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged', color: 'gray' },
};

/**
 * "Nhập từ Excel": a sheet in the columns of the download; first checked whole (a dry run: the rows that would be
 * created, updated or left alone), then imported in one go. A sheet with errors is refused whole: the table names
 * each error by row and column, and nothing is imported.
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
  // The write needs the session's CSRF token; the refusal's row-and-column errors need the whole problem+json.
  const { data: me } = useApi<Me>(opened ? '/auth/me' : null);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  // The picker forgets its file once read, so that the same file, corrected, can be chosen again.
  const resetRef = useRef<() => void>(null);

  const send = async (f: { name: string; content: string }, dryRun: boolean) => {
    setBusy(true);
    setRefusal(null);
    try {
      const res = await fetch('/api/v1/tasks/import', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': me?.csrfToken ?? '',
        },
        body: JSON.stringify({ orgId, fileName: f.name, contentBase64: f.content, dryRun }),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) {
        setPlan(null);
        setRefusal({
          status: res.status,
          title: data.title ?? tr('Lỗi', 'Error'),
          detail: data.detail ?? '',
          errors: Array.isArray(data.errors)
            ? data.errors.filter((e: Partial<SheetError>) => typeof e.row === 'number')
            : [],
        });
        return;
      }
      if (dryRun) setPlan(data as ImportResult);
      else {
        setDone(data as ImportResult);
        setPlan(null);
        onImported();
      }
    } catch {
      setRefusal({
        status: 0,
        title: tr('Không kết nối được máy chủ', 'Cannot reach the server'),
        detail: tr('Kiểm tra mạng rồi thử lại', 'Check the network and try again'),
        errors: [],
      });
    } finally {
      setBusy(false);
    }
  };
  const pick = async (f: File | null) => {
    setPlan(null);
    setDone(null);
    setRefusal(null);
    if (!f) return setFile(null);
    const x = { name: f.name, content: await fileToBase64(f) };
    resetRef.current?.();
    setFile(x);
    await send(x, true);
  };
  const close = () => {
    setFile(null);
    setPlan(null);
    setDone(null);
    setRefusal(null);
    onClose();
  };
  const count = (r: ImportResult) =>
    l === 'vi'
      ? `${r.created} nhiệm vụ tạo mới, ${r.updated} cập nhật, ${r.unchanged} không đổi`
      : `${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`;

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={tr('Nhập nhiệm vụ từ Excel hoặc CSV', 'Import tasks from Excel or CSV')}
      size="xl"
    >
      <Stack gap="sm" data-testid="task-import">
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
        <Group gap="xs" wrap="wrap">
          <FileButton
            resetRef={resetRef}
            onChange={(f) => void pick(f)}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            inputProps={{ 'data-testid': 'import-file' } as object}
          >
            {(props) => (
              <Button {...props} variant="light" loading={busy && !plan} data-testid="import-pick">
                {file
                  ? tr('Chọn tệp khác', 'Choose another file')
                  : tr('Chọn tệp Excel (.xlsx)', 'Choose an Excel file (.xlsx)')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" data-testid="import-file-name">
              {file.name}
            </Text>
          )}
        </Group>
        {refusal && (
          <Alert color="red" title={refusal.title} data-testid="import-refused" data-status={refusal.status}>
            <Text size="sm" fw={700} data-testid="import-nothing">
              {refusal.errors.length > 0
                ? tr(
                    'Chưa nhập nhiệm vụ nào: sửa các lỗi dưới đây trong bảng tính rồi chọn lại tệp.',
                    'Nothing was imported: fix the errors below in the sheet and choose the file again.',
                  )
                : tr('Chưa nhập nhiệm vụ nào.', 'Nothing was imported.')}
            </Text>
            {refusal.errors.length === 0 && refusal.detail && (
              <Text size="sm" mt={4}>
                {refusal.detail}
              </Text>
            )}
          </Alert>
        )}
        {refusal && refusal.errors.length > 0 && (
          <Table.ScrollContainer minWidth={0}>
            <Table striped withTableBorder data-testid="import-errors" style={{ tableLayout: 'fixed', width: '100%' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56}>{tr('Dòng', 'Row')}</Table.Th>
                  <Table.Th w={52}>{tr('Cột', 'Col.')}</Table.Th>
                  <Table.Th>{tr('Cột tên', 'Column')}</Table.Th>
                  <Table.Th>{tr('Lỗi', 'Error')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refusal.errors.map((e, i) => (
                  <Table.Tr key={i} data-testid="import-error" data-row={e.row} data-column={e.column}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.columnTitle}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {plan && (
          <Stack
            gap="xs"
            data-testid="import-plan"
            data-created={plan.created}
            data-updated={plan.updated}
            data-unchanged={plan.unchanged}
          >
            <Alert color="blue" title={tr('Đã kiểm tra bảng tính: không có lỗi', 'The sheet has no errors')}>
              {tr('Sẽ nhập', 'Will import')}: {count(plan)}.{' '}
              {tr('Chưa ghi gì cho đến khi bấm "Nhập".', 'Nothing is written until "Import" is pressed.')}
            </Alert>
            <Table.ScrollContainer minWidth={0}>
              <Table striped withTableBorder style={{ tableLayout: 'fixed', width: '100%' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={56}>{tr('Dòng', 'Row')}</Table.Th>
                    <Table.Th>{tr('Nhiệm vụ', 'Task')}</Table.Th>
                    <Table.Th visibleFrom="sm">{tr('Chủ trì', 'Lead')}</Table.Th>
                    <Table.Th w={100} visibleFrom="sm">
                      {tr('Hạn', 'Due')}
                    </Table.Th>
                    <Table.Th w={96}>{tr('Việc', 'Action')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              <Button
                onClick={() => file && void send(file, false)}
                loading={busy}
                disabled={plan.created + plan.updated === 0}
                data-testid="import-submit"
              >
                {tr('Nhập', 'Import')}
              </Button>
            </Group>
          </Stack>
        )}
        {done && (
          <Alert
            color="green"
            title={tr('Đã nhập bảng tính', 'The sheet is imported')}
            data-testid="import-done"
            data-created={done.created}
            data-updated={done.updated}
          >
            {count(done)}.
          </Alert>
        )}
      </Stack>
    </Dialog>
  );
}
