import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** A dialog with its title in bold that takes the whole screen on a phone (600 px wide or less). */
export function Dialog({
  opened,
  onClose,
  title,
  size,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size: string;
  children: ReactNode;
}) {
  const phone = useMediaQuery('(max-width: 600px)');
  return (
    <Modal opened={opened} onClose={onClose} title={<b>{title}</b>} size={size} fullScreen={!!phone}>
      {children}
    </Modal>
  );
}
