import { useState } from 'react';
import { Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { TICKET_FEE_AGREED } from '@shared/tickets/handling/stepEvents';
import { StepForm, useAt, useStep } from './stepForm';
import { useStepTime } from './useStepTime';

/**
 * R-OTHER: other help, handled as far as the property is able. A service it does not offer is
 * closed with a referral to a recommended provider (R-NO-BUCK-PASSING, the Close form's
 * "referred"); a paid service records the fee standard told and accepted before work starts.
 */
export function OtherSteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const time = useStepTime();
  const step = useStep(ticket);
  const at = useAt();
  const [fee, setFee] = useState('');
  const agreed = ticket.handling?.fee;
  return (
    <Paper withBorder p="md" data-testid="other-steps">
      <Stack gap="sm">
        <Title order={5}>{t('handling.other.title')}</Title>
        <Text size="sm">{t('handling.other.principle')}</Text>
        <div>
          <Text fw={600} size="sm">{t('handling.other.referral.title')}</Text>
          <Text size="sm" c="dimmed" data-testid="referral-hint">{t('handling.other.referral.hint')}</Text>
        </div>
        {agreed ? (
          <div>
            <Text fw={600} size="sm">{t('handling.other.fee.title')}</Text>
            <Text size="sm" c="teal" data-testid="fee-agreed">{t('handling.other.fee.agreed', { time: time(agreed.at), fee: agreed.standard })}</Text>
          </div>
        ) : (
          <StepForm
            title={t('handling.other.fee.title')}
            step={step}
            at={at}
            submitLabel={t('handling.other.fee.submit')}
            canSubmit={fee.trim() !== '' && ticket.status !== 'closed'}
            onSubmit={(when) => step.take(TICKET_FEE_AGREED, { at: when, feeStandard: fee.trim() })}
            onSaved={() => setFee('')}
            testId="fee-form"
          >
            <Text size="sm" c="dimmed">{t('handling.other.fee.hint')}</Text>
            <TextInput label={t('handling.other.fee.standard')} value={fee} onChange={(e) => setFee(e.currentTarget.value)} maxLength={400} />
          </StepForm>
        )}
      </Stack>
    </Paper>
  );
}
