import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { INCIDENT_SUBTYPES, checklistsFor, type IncidentSubtype } from '@shared/tickets/handling/checklists';
import type { Translate } from '../ticket/timelineText';
import { AtInput, useAt, useStep } from './stepForm';
import { ChecklistView } from './ChecklistView';
import { EmergencyNumbers } from './EmergencyNumbers';
import { SpecialReportForm } from './SpecialReportForm';
import { placeText } from './placeText';
import { useStepTime } from './useStepTime';

const PRINCIPLES = ['safety', 'callAndReport', 'injured', 'scene', 'lead', 'writeUp'] as const;

const isSubtype = (value: string | undefined): value is IncidentSubtype => (INCIDENT_SUBTYPES as readonly (string | undefined)[]).includes(value);

/**
 * A security incident or a disaster: the emergency numbers (R-EMERGENCY-NUMBERS), the
 * subtype's checklists with timed ticks and the principles (R-INCIDENT-PRINCIPLES), and the
 * special event report with its limits (R-SPECIAL-EVENT).
 */
export function IncidentSteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const time = useStepTime();
  const step = useStep(ticket);
  const at = useAt();
  const details = ticket.handling?.details;
  const subtype = isSubtype(details?.subtype) ? details.subtype : undefined;
  const lists = checklistsFor(ticket.kind, undefined, subtype);
  const kind = ticket.kind === 'disaster' ? 'disaster' : 'security';
  return (
    <Stack gap="sm" data-testid="incident-steps">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={5}>{t(`handling.incident.titles.${kind}`)}</Title>
            <Group gap="xs">
              <Badge size="lg" color={subtype ? 'red' : 'gray'} data-testid="incident-subtype">
                {subtype ? t('handling.timeline.subtype', { subtype: t(`handling.subtypes.${subtype}`) }) : t('handling.incident.noSubtype')}
              </Badge>
              {details?.happenedAt !== undefined ? <Text size="sm">{t('handling.timeline.eventHappenedAt', { time: time(details.happenedAt) })}</Text> : null}
            </Group>
          </Group>
          <EmergencyNumbers ticket={ticket} step={step} />
          <div>
            <Text fw={600} size="sm">{t('handling.incident.principles.title')}</Text>
            <List size="sm" spacing={2}>
              {PRINCIPLES.map((p) => <List.Item key={p}>{t(`handling.incident.principles.${p}`)}</List.Item>)}
            </List>
          </div>
          <div data-testid="incident-at">
            <AtInput at={at} />
          </div>
          {lists.map((list) => <ChecklistView key={list} ticket={ticket} list={list} step={step} at={at} />)}
          {step.alert}
        </Stack>
      </Paper>
      <SpecialReportForm ticket={ticket} defaultPlace={placeText(ticket, t as unknown as Translate)} />
    </Stack>
  );
}
