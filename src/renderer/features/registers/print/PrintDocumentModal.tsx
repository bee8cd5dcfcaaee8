import type { ReactNode } from 'react';
import { Button, Group, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PaperPreview, PrintSheet } from './PrintSheet';
import { usePrint } from './usePrint';

interface Props {
  title: string;
  fileName: string;
  opened: boolean;
  onClose(): void;
  children: ReactNode;
}

/** A single A4 portrait document (work order, reply letter): previewed in a modal, and only it on paper. */
export function PrintDocumentModal({ title, fileName, opened, onClose, children }: Props) {
  const { t } = useTranslation();
  const { print, busy } = usePrint();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="auto" centered>
      <Group mb="sm">
        <Button loading={busy} onClick={() => void print(fileName, false)} data-testid="document-print">{t('registers.print')}</Button>
        <Button variant="default" onClick={onClose}>{t('registers.close')}</Button>
      </Group>
      <PaperPreview orientation="portrait">{children}</PaperPreview>
      {opened ? <PrintSheet orientation="portrait">{children}</PrintSheet> : null}
    </Modal>
  );
}
