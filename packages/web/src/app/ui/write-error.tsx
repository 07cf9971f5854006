import { Alert, List, Text } from '@mantine/core';
import type { ApiError } from '../api';
import { useLang } from './i18n';
import { problemTitle } from './problem-title';

/**
 * The problem+json of a failed write next to its form (`form-error` unless named): its title (the precise rule's) and
 * the server's reason (with its clause).
 */
export function WriteError({
  error,
  testid = 'form-error',
  onClose,
}: {
  error: ApiError | null;
  testid?: string;
  onClose?: () => void;
}) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  if (!error) return null;
  // Reasons the detail does not already give (a refused form's other fields), at most five.
  const more = [...new Set(error.errors.map((e) => e.message))]
    .filter((m) => !(error.detail ?? '').includes(m))
    .slice(0, 5);
  return (
    <Alert
      color="red"
      w="100%"
      title={problemTitle(error, l)}
      data-testid={testid}
      data-code={error.code}
      data-status={error.status}
      withCloseButton={!!onClose}
      onClose={onClose}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid={`${testid}-detail`}>
        {error.detail ?? ''}
      </Text>
      {more.length > 0 && (
        <List size="sm" mt={4} data-testid={`${testid}-more`}>
          {more.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {error.status === 403 && (
        <Text size="sm" mt={4}>
          {tr('Tài khoản của bạn không được làm việc này.', 'Your account may not do this.')}
        </Text>
      )}
      {error.status === 409 && error.code === 'VERSION_CONFLICT' && (
        <Text size="sm" mt={4}>
          {tr(
            'Người khác vừa sửa: đã tải lại dữ liệu mới nhất.',
            'Someone else changed it: the latest data has been reloaded.',
          )}
        </Text>
      )}
    </Alert>
  );
}
