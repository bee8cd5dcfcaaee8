import { useState } from 'react';
import { Button, Group, Text, Tooltip, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import { useDesk } from '../desk/DeskContext';

interface Props {
  /** As stored: E.164 (directory, caller ID) or as typed on a request. */
  phone: string;
  /** A directory number keeps its extension apart. */
  extension?: string;
  /**
   * Where a number is looked up later (directory, a saved request), a role with `phone.unmask`
   * sees the mask until it asks; `reveal` saves that as an event before the number is shown.
   * Without it, such a role sees the number at once (the caller on the line, the call log).
   */
  reveal?: () => Promise<void>;
  size?: MantineSize;
  bold?: boolean;
  testId?: string;
}

/**
 * R-CONFIDENTIAL (S6): the one way a resident's number is shown. A role without `phone.unmask`
 * sees it masked everywhere and cannot reveal it.
 */
export function PhoneNumber({ phone, extension, reveal, size, bold, testId = 'phone-number' }: Props) {
  const { t } = useTranslation();
  const { staff, station } = useDesk();
  const [revealed, setRevealed] = useState(false);
  const [failed, setFailed] = useState(false);
  const mayUnmask = can(staff.role, 'phone.unmask');
  const shown = shownPhone(phone, mayUnmask && (!reveal || revealed), { countryCode: station.countryCode, areaCode: station.areaCode });
  const ext = shown.masked ? undefined : (shown.extension ?? extension);
  const show = async () => {
    if (!reveal) return;
    setFailed(false);
    try {
      await reveal();
      setRevealed(true);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Text ff="monospace" size={size} fw={bold ? 700 : undefined} data-testid={testId} data-masked={shown.masked}>{shown.number}</Text>
      {ext ? <Text c="dimmed" size="sm">{t('directory.phone.extension', { ext })}</Text> : null}
      {mayUnmask && reveal ? (
        revealed ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setRevealed(false)}>{t('directory.phone.hide')}</Button>
        ) : (
          <Tooltip label={t('directory.phone.revealHint')}>
            <Button size="compact-xs" variant="subtle" onClick={show}>{t('directory.phone.reveal')}</Button>
          </Tooltip>
        )
      ) : null}
      {failed ? <Text c="red" size="sm" role="alert">{t('directory.phone.revealFailed')}</Text> : null}
    </Group>
  );
}
