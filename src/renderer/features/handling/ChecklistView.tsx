import { Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { CHECKLISTS, type ChecklistId } from '@shared/tickets/handling/checklists';
import { TICKET_CHECKED } from '@shared/tickets/handling/stepEvents';
import type { At, Step } from './stepForm';
import { useStepTime } from './useStepTime';

/**
 * One of the rulebook's checklists (checklists.ts): each line ticked once, with its time
 * (`ticket.checked`, at the panel's "when it happened"). A ticked line shows when it was done.
 */
export function ChecklistView({ ticket, list, step, at }: { ticket: Ticket; list: ChecklistId; step: Step; at: At }) {
  const { t } = useTranslation();
  const time = useStepTime();
  const checked = ticket.handling?.checked ?? {};
  const tick = async (item: string) => {
    const when = at.resolve();
    if (when === null) return;
    if (await step.take(TICKET_CHECKED, { at: when, list, item })) at.reset();
  };
  return (
    <Paper withBorder p="sm" data-testid={`checklist-${list}`}>
      <Text fw={600} size="sm" mb="xs">{t(`handling.checklists.titles.${list}`)}</Text>
      <Stack gap={6}>
        {(CHECKLISTS[list] as readonly string[]).map((item) => {
          const done = checked[`${list}.${item}`];
          return (
            <Group key={item} justify="space-between" wrap="nowrap">
              <Checkbox
                label={t(`handling.checklists.items.${list}.${item}` as never)}
                checked={done !== undefined}
                color="teal"
                // A line is ticked once; its time is the record (a correction is a note).
                disabled={done === undefined && (step.busy || ticket.status === 'closed')}
                onChange={() => (done === undefined ? void tick(item) : undefined)}
              />
              {done !== undefined ? <Text size="sm" c="teal" data-testid={`checked-${list}-${item}`}>{t('handling.checklists.tickedAt', { time: time(done) })}</Text> : null}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
