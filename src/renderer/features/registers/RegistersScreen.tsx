import { useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGISTER_IDS, type RegisterId } from '@shared/registers/registerKinds';
import { dayOf, isDay, rangeSpan, type Day } from '@shared/registers/registerRange';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { ExportRegisterButton } from './ExportRegisterButton';
import { RegisterList } from './RegisterList';
import { RegisterPreview } from './RegisterPreview';

/**
 * R-RECORD: the estate's paper forms as screens — help register, complaint record, repair
 * record, daily affairs register — for a date range (today by default, in the station's time
 * zone), printable as the form and exportable to xlsx.
 */
export function RegistersScreen() {
  const { t } = useTranslation();
  const { station } = useDesk();
  const today = dayOf(useNow(60_000), station.timeZone);
  const [register, setRegister] = useState<RegisterId>('help');
  const [from, setFrom] = useState<Day>(today);
  const [to, setTo] = useState<Day>(today);
  const [preview, setPreview] = useState(false);
  // A half-typed date keeps the last whole one.
  const [range, setRange] = useState({ from: today, to: today });
  const span = useMemo(() => rangeSpan(range, station.timeZone), [range, station.timeZone]);
  const choose = (next: { from?: Day; to?: Day }) => {
    const f = next.from ?? from;
    const tDay = next.to ?? to;
    setFrom(f);
    setTo(tDay);
    if (isDay(f) && isDay(tDay)) setRange({ from: f, to: tDay < f ? f : tDay });
  };
  const dates = range.from === range.to ? t('registers.sheet.day', { day: range.from }) : t('registers.sheet.range', range);
  const fileDates = range.from === range.to ? range.from : `${range.from}~${range.to}`;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>{t('registers.title')}</Title>
        <Group gap="xs" align="flex-end">
          <TextInput type="date" size="xs" label={t('registers.from')} value={from} onChange={(e) => choose({ from: e.currentTarget.value })} />
          <TextInput type="date" size="xs" label={t('registers.to')} value={to} onChange={(e) => choose({ to: e.currentTarget.value })} />
          <Button size="xs" variant="default" onClick={() => choose({ from: today, to: today })}>{t('registers.today')}</Button>
          {preview ? null : (
            <>
              <Button size="xs" variant="default" onClick={() => setPreview(true)}>{t('registers.printPreview')}</Button>
              <ExportRegisterButton register={register} span={span} fileDates={fileDates} />
            </>
          )}
        </Group>
      </Group>
      <Group gap="sm" align="center">
        <SegmentedControl
          value={register}
          onChange={(value) => setRegister(value as RegisterId)}
          data={REGISTER_IDS.map((id) => ({ value: id, label: t(`registers.forms.${id}`) }))}
          data-testid="register-choice"
        />
        <Text size="sm" c="dimmed">{t(`registers.formHints.${register}`)}</Text>
      </Group>
      {preview
        ? <RegisterPreview key={`${register}:${span.start}:${span.end}`} register={register} span={span} dates={dates} fileDates={fileDates} onBack={() => setPreview(false)} />
        : <RegisterList key={`${register}:${span.start}:${span.end}`} register={register} span={span} />}
    </Stack>
  );
}
