import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { DEADLINE_RULES } from '@shared/deadlines/deadlineRules';
import { resolveTuning } from '@shared/deadlines/tuning';
import { useDesk } from '../../desk/DeskContext';
import { DeadlineTuningRow } from './DeadlineTuningRow';

/**
 * Issue 15, 时限设置: every rule of the rulebook with the estate's numbers. Everyone who reaches
 * the settings sees them; only the manager (deadline.tune) changes them, one rule at a time.
 */
export function DeadlineTuningCard() {
  const { t } = useTranslation();
  const { db, staff } = useDesk();
  const desk = useLiveQuery(() => db.settings.get('desk'), [db]);
  const canTune = can(staff.role, 'deadline.tune');
  const stored = desk?.deadlineTuning ?? {};
  const { timings, fallbacks } = resolveTuning(stored);
  return (
    <Paper withBorder p="md" data-testid="deadline-tuning">
      <Stack gap="xs">
        <Title order={4}>{t('deadlines.tuning.title')}</Title>
        <Text size="sm" c="dimmed">{t('deadlines.tuning.hint')}</Text>
        {!canTune ? <Alert color="yellow" data-testid="tuning-read-only">{t('deadlines.tuning.readOnly')}</Alert> : null}
        <Table verticalSpacing="xs" horizontalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th w={156}>{t('deadlines.tuning.duration')}</Table.Th>
              <Table.Th w={156}>{t('deadlines.tuning.warn')}</Table.Th>
              <Table.Th w={canTune ? 96 : 0} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {DEADLINE_RULES.map((rule) => (
              <DeadlineTuningRow
                key={rule.id}
                rule={rule}
                timing={timings[rule.id]}
                stored={stored[rule.id]}
                fallback={fallbacks.find((f) => f.ruleId === rule.id)?.reason}
                canTune={canTune}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
