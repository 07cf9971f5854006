import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ApiError } from '../api';
import { useLang } from './i18n';
import { problemTitle } from './problem-title';

/**
 * A failed load: a record outside the user's organizations is a "no access" page, a missing one a "not found" page,
 * each with the way back; anything else, the server's reason. An address whose record id is not one (/tasks/moi)
 * names no record: it is "not found" too, not a refused request.
 */
export function ErrorView({ error }: { error: ApiError }) {
  const [l] = useLang();
  const badAddress = error.status === 400 && (error.field ?? '').startsWith('params');
  if (error.status === 403 || error.status === 404 || badAddress) {
    const denied = error.status === 403;
    return (
      <Stack my="xl" maw={640} gap="sm" data-testid={denied ? 'no-access' : 'not-found'}>
        <Title order={1} size="h2">
          {denied
            ? l === 'vi'
              ? 'Bạn không có quyền xem nội dung này'
              : 'You may not see this'
            : l === 'vi'
              ? 'Không tìm thấy nội dung này'
              : 'Not found'}
        </Title>
        <Text>
          {denied
            ? l === 'vi'
              ? 'Nội dung thuộc tổ chức ngoài phạm vi tài khoản của bạn, hoặc ở độ mật cao hơn mức được phép. Nếu ' +
                'cần, hãy đề nghị quản trị hệ thống cấp quyền.'
              : 'It belongs to an organization outside your account, or is classified above your clearance.'
            : l === 'vi'
              ? 'Bản ghi có thể đã bị xóa, hoặc đường dẫn không đúng.'
              : 'The record may have been removed, or the address is wrong.'}
        </Text>
        {error.detail && !badAddress && (
          <Text size="sm" c="dimmed">
            {error.detail}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => history.back()}>
            {l === 'vi' ? 'Quay lại' : 'Back'}
          </Button>
          <Button component="a" href="/" variant="subtle">
            {l === 'vi' ? 'Về trang chủ' : 'Home'}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Alert color="red" title={problemTitle(error, l)} my="md" data-testid="error">
      {error.detail ?? ''}
    </Alert>
  );
}
