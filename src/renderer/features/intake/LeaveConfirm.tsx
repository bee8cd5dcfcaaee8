import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * U5: Esc (or Cancel) on a form with something typed asks first. "Keep as draft" has the focus:
 * Esc then Enter closes the form as asked and loses nothing.
 */
export function LeaveConfirm({ onKeep, onDiscard, onContinue }: { onKeep(): void; onDiscard(): void; onContinue(): void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('intake.leave.question')} data-testid="leave-confirm">
      <Group justify="flex-end">
        <Button variant="default" onClick={onContinue}>{t('intake.leave.continue')}</Button>
        <Button variant="light" color="red" onClick={onDiscard}>{t('intake.leave.discard')}</Button>
        <Button autoFocus onClick={onKeep}>{t('intake.leave.keep')}</Button>
      </Group>
    </Alert>
  );
}
