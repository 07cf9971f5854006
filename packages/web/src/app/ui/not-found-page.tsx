import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useLang } from './i18n';
import { useTitle } from './use-title';

/** An address the application does not have (it used to show the organization tree). */
export function NotFoundPage() {
  const [l] = useLang();
  useTitle(l === 'vi' ? 'Không có trang này' : 'No such page');
  return (
    <Stack my="xl" maw={640} gap="sm" data-testid="page-not-found">
      <Title order={1} size="h2">
        {l === 'vi' ? 'Không có trang này' : 'No such page'}
      </Title>
      <Text>
        {l === 'vi'
          ? 'Địa chỉ bạn mở không có trong Quychế. Hãy kiểm tra lại đường dẫn, hoặc chọn một mục trong trình đơn.'
          : 'This address is not part of Quychế. Check the link, or choose from the menu.'}
      </Text>
      <Group>
        <Button component="a" href="/" variant="light">
          {l === 'vi' ? 'Về trang chủ' : 'Home'}
        </Button>
      </Group>
    </Stack>
  );
}
