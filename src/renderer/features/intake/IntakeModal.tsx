import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IntakeForm, type IntakePrefill } from './IntakeForm';

interface Props {
  opened: boolean;
  prefill?: IntakePrefill;
  onClose(): void;
  onSaved(ticketId: string, number: string, values: { building: string; room: string; callerName: string }): void;
}

export function IntakeModal({ opened, prefill, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('intake.title')} size="xl" closeOnClickOutside={false} trapFocus returnFocus>
      {opened ? (
        <IntakeForm
          prefill={prefill}
          onCancel={onClose}
          onSaved={(id, number, values) => {
            onSaved(id, number, values);
            onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}
