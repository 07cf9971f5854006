import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useLang } from './i18n';
import { WriteError } from './write-error';

/**
 * "Are you sure?" before a write that cannot be taken back quietly (locking an account, ending its sessions): what
 * will happen in plain words, the action in its own colour, and the server's refusal in place if there is one.
 */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  busy: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onClose: () => void;
  testid: string;
}) {
  const [l] = useLang();
  const phone = useMediaQuery('(max-width: 600px)');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<b>{props.title}</b>} fullScreen={!!phone}>
      <Stack gap="sm" data-testid={props.testid}>
        <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
          {props.children}
        </Text>
        <WriteError error={props.error} testid={`${props.testid}-error`} />
        <Group gap="xs">
          <Button
            color={props.color ?? 'red'}
            loading={props.busy}
            onClick={props.onConfirm}
            data-testid={`${props.testid}-confirm`}
          >
            {props.confirmLabel}
          </Button>
          <Button variant="subtle" onClick={props.onClose}>
            {l === 'vi' ? 'Thôi' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
