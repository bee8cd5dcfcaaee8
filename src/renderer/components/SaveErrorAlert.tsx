import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../db/eventStore';

/** A failed save, said plainly; the form around it keeps what was typed. */
export function SaveErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = error instanceof SaveError ? error.reason : 'unknown';
  return (
    <Alert color="red" role="alert" data-testid="save-error">
      {t(`common.saveErrors.${reason}`)}
    </Alert>
  );
}
