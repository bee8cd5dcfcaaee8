import { Badge, Group, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryHit } from './directoryQueries';

interface Props {
  hits: DirectoryHit[];
  selectedUnitId: string | null;
  limit: number;
  onSelect(unitId: string): void;
}

/** One line per unit: its key, who lives there (the matched names first), and a notes flag. */
export function SearchResults({ hits, selectedUnitId, limit, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="directory-results">
      {hits.map(({ unit, residents, matchedIds }) => {
        const living = residents.filter((r) => r.active);
        const names = [...living].sort((a, b) => Number(matchedIds.includes(b.id)) - Number(matchedIds.includes(a.id))).map((r) => r.name);
        return (
          <NavLink
            key={unit.id}
            active={unit.id === selectedUnitId}
            onClick={() => onSelect(unit.id)}
            label={
              <Group gap="xs" wrap="nowrap">
                <Text fw={600} ff="monospace">{unit.key}</Text>
                <Text size="sm" truncate>{names.join('、')}</Text>
              </Group>
            }
            description={unit.notes || t('directory.residentsCount', { count: living.length })}
            rightSection={unit.notes ? <Badge color="orange" variant="light" size="xs">{t('directory.unit.notes')}</Badge> : null}
          />
        );
      })}
      {hits.length >= limit ? <Text size="xs" c="dimmed">{t('directory.moreResults', { count: limit })}</Text> : null}
    </Stack>
  );
}
