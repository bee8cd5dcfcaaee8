import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_LIMITS, type LimitedField } from '@shared/tickets/ticketEvents';
import { overLimit } from '@shared/tickets/intakeValidation';

/**
 * U3: a field's length against its limit (from the payload schema), under the field. Nothing
 * is cut: a paste that is too long stays as pasted, the counter turns red and the field says
 * by how much (`tooLongMessage`), so the person decides what to leave out.
 */
export function FieldLimit({ field, text, hint }: { field: LimitedField; text: string; hint?: ReactNode }) {
  const over = overLimit(field, text) > 0;
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
      <span>{hint}</span>
      <Text span size="xs" c={over ? 'red' : 'dimmed'} data-testid={`limit-${field}`} style={{ whiteSpace: 'nowrap' }}>
        {text.trim().length}/{TICKET_LIMITS[field]}
      </Text>
    </span>
  );
}

/** "事项描述超出 123 字", or undefined while the text fits. */
export function useTooLong() {
  const { t } = useTranslation();
  return (field: LimitedField, label: string, text: string): string | undefined => {
    const over = overLimit(field, text);
    return over > 0 ? t('intake.errors.tooLong', { field: label, over }) : undefined;
  };
}
