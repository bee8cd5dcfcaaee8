import { useState } from 'react';
import { Alert, Button, Grid, Group, Modal, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { ExportButtons } from './ExportButtons';
import { ImportWizard } from './ImportWizard';
import { SearchResults } from './SearchResults';
import { UnitDetail } from './UnitDetail';
import { UnitForm } from './UnitForm';
import { SEARCH_LIMIT, useDirectorySearch } from './useDirectory';

type Dialog = 'addUnit' | 'import' | null;

/**
 * The resident directory (住户资料). Mount inside a signed-in desk: `<DirectoryScreen />`.
 * R-CONFIDENTIAL: the screen refuses staff without `directory.browse` itself, not only the nav.
 */
export function DirectoryScreen() {
  const { t } = useTranslation();
  const { staff } = useDesk();
  if (!can(staff.role, 'directory.browse')) return <Alert color="yellow" data-testid="directory-denied">{t('directory.noPermission')}</Alert>;
  return <DirectoryBrowser />;
}

function DirectoryBrowser() {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const hits = useDirectorySearch(query);
  const canEdit = can(staff.role, 'directory.edit');
  const close = () => setDialog(null);

  return (
    <Stack data-testid="directory-screen">
      <Group justify="space-between">
        <Title order={3}>{t('directory.title')}</Title>
        <Group gap="xs">
          {canEdit ? <Button size="xs" onClick={() => setDialog('addUnit')}>{t('directory.unit.add')}</Button> : null}
          {canEdit ? <Button size="xs" variant="default" onClick={() => setDialog('import')}>{t('directory.import.open')}</Button> : null}
          {can(staff.role, 'phone.unmask') ? <ExportButtons /> : null}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs">
            <TextInput
              aria-label={t('directory.searchLabel')}
              placeholder={t('directory.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              autoFocus
              data-testid="directory-search"
            />
            <ScrollArea.Autosize mah="calc(100vh - 220px)">
              {!query.trim() ? <Text c="dimmed" size="sm">{t('directory.searchHint')}</Text> : null}
              {query.trim() && hits?.length === 0 ? <Text c="dimmed" size="sm">{t('directory.noResults')}</Text> : null}
              {hits && hits.length > 0 ? <SearchResults hits={hits} selectedUnitId={selected} limit={SEARCH_LIMIT} onSelect={setSelected} /> : null}
            </ScrollArea.Autosize>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? <UnitDetail unitId={selected} /> : <Text c="dimmed">{t('directory.selectUnit')}</Text>}
        </Grid.Col>
      </Grid>
      <Modal opened={dialog === 'addUnit'} onClose={close} title={t('directory.unit.add')} size="lg" closeOnClickOutside={false}>
        {dialog === 'addUnit' ? <UnitForm onSaved={(id) => { setSelected(id); close(); }} onCancel={close} /> : null}
      </Modal>
      <Modal opened={dialog === 'import'} onClose={close} title={t('directory.import.title')} size="xl" closeOnClickOutside={false}>
        {dialog === 'import' ? <ImportWizard onClose={close} /> : null}
      </Modal>
    </Stack>
  );
}
