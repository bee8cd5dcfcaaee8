import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReferenceListEditor } from './ReferenceListEditor';

/** The estate's departments and common areas (issue 14): shown to roles with `settings.manage` only. */
export function ReferenceListsCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="reference-lists">
      <Stack gap="sm">
        <Title order={4}>{t('settings.lists.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.lists.hint')}</Text>
        <SimpleGrid cols={2} spacing="lg">
          <ReferenceListEditor name="departments" />
          <ReferenceListEditor name="commonAreas" />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
