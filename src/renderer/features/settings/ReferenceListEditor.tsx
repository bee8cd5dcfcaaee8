import { useState } from 'react';
import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { hasReferenceListProblems, referenceListProblems } from '@shared/station/referenceLists';
import { REFERENCE_LIMITS } from '@shared/tickets/handling/references';
import { defaultDeskSettings } from '@shared/station/stationEvents';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { changeDeskSettings } from './settingsCommands';
import { referenceLabel, type ReferenceListName } from '../../i18n/referenceLabel';
import { useReferenceList } from './referenceLists';

/** An entry being edited: what is stored (null for a new one) and the text as shown. */
interface Entry {
  stored: string | null;
  text: string;
}

/**
 * One of the estate's lists, edited as it reads (a preset id in the reader's language). Saved
 * whole as a `settings.changed` event; an entry left as shown keeps its id, so it stays
 * translated, and text typed as a preset's name becomes that preset.
 */
export function ReferenceListEditor({ name }: { name: ReferenceListName }) {
  const { t } = useTranslation();
  const { store, staff } = useDesk();
  const saved = useReferenceList(name);
  const [edits, setEdits] = useState<Entry[] | null>(null);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<unknown>(null);
  const label = (entry: string) => referenceLabel(t, name, entry);
  const entries = edits ?? saved.map((stored) => ({ stored, text: label(stored) }));
  const problems = referenceListProblems(entries.map((e) => e.text));
  const change = (next: Entry[]) => setEdits(next);
  const move = (from: number, to: number) => {
    const next = [...entries];
    const [entry] = next.splice(from, 1);
    next.splice(to, 0, entry!);
    change(next);
  };
  const add = () => {
    if (!adding.trim()) return;
    change([...entries, { stored: null, text: adding.trim() }]);
    setAdding('');
  };

  const storedValue = ({ stored, text }: Entry): string => {
    const typed = text.trim();
    if (stored !== null && typed === label(stored)) return stored;
    return (defaultDeskSettings[name] as readonly string[]).find((id) => label(id) === typed) ?? typed;
  };
  const save = async () => {
    setError(null);
    try {
      await changeDeskSettings(store, { [name]: entries.map(storedValue) }, staff.id);
      setEdits(null);
      notifications.show({ color: 'teal', message: t('settings.lists.saved', { list: t(`settings.lists.${name}`) }) });
    } catch (e) {
      setError(e);
    }
  };
  const entryError = (i: number) => {
    const problem = problems.entries[i];
    return problem ? t(`settings.lists.errors.${problem}`, { max: REFERENCE_LIMITS.entry }) : undefined;
  };

  return (
    <Stack gap="xs" data-testid={`reference-list-${name}`}>
      <Title order={5}>{t(`settings.lists.${name}`)}</Title>
      {entries.map((entry, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('settings.lists.entry', { n: i + 1 })}
            value={entry.text}
            error={entryError(i)}
            onChange={(e) => change(entries.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)))}
          />
          <ActionIcon variant="subtle" size="md" disabled={i === 0} aria-label={t('settings.lists.moveUp', { name: entry.text })} onClick={() => move(i, i - 1)}>↑</ActionIcon>
          <ActionIcon variant="subtle" size="md" disabled={i === entries.length - 1} aria-label={t('settings.lists.moveDown', { name: entry.text })} onClick={() => move(i, i + 1)}>↓</ActionIcon>
          <ActionIcon variant="subtle" color="red" size="md" aria-label={t('settings.lists.remove', { name: entry.text })} onClick={() => change(entries.filter((_, j) => j !== i))}>×</ActionIcon>
        </Group>
      ))}
      {problems.list ? <Text size="sm" c="red">{t(`settings.lists.errors.${problems.list}`, { max: REFERENCE_LIMITS.entries })}</Text> : null}
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          aria-label={t('settings.lists.newEntryIn', { list: t(`settings.lists.${name}`) })}
          placeholder={t('settings.lists.newEntry')}
          value={adding}
          onChange={(e) => setAdding(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button size="xs" variant="default" disabled={!adding.trim()} onClick={add}>{t('settings.lists.add')}</Button>
        <Button size="xs" disabled={edits === null || hasReferenceListProblems(problems)} onClick={() => void save()}>{t('settings.lists.save', { list: t(`settings.lists.${name}`) })}</Button>
      </Group>
      {error ? <SaveErrorAlert error={error} /> : null}
    </Stack>
  );
}
