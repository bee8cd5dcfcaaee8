import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { registerColumns, registerRow, type RegisterColumn } from '@shared/registers/registerColumns';
import type { RegisterId } from '@shared/registers/registerKinds';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../desk/DeskContext';
import { registerLabels } from './registerLabels';

/** Kept on one line on screen and paper: a number or a time never breaks. */
const ONE_LINE: ReadonlySet<RegisterColumn> = new Set(['number', 'receivedAt', 'phone', 'status', 'promisedAt', 'resolvedAt', 'confirmedAt', 'onSiteAt']);

/** Given room first: the matter itself must not shrink to a character a line beside empty columns. */
const WIDE: ReadonlySet<RegisterColumn> = new Set(['description']);

export interface RegisterTable {
  columns: RegisterColumn[];
  headers: string[];
  rows: string[][];
  nowrap: ReadonlySet<number>;
  wide: ReadonlySet<number>;
}

/** Labels for this reader: R-CONFIDENTIAL, numbers masked unless the role holds `phone.unmask`. */
export function useLabels(names: ReadonlyMap<string, string>, withYear: boolean) {
  const { t, i18n } = useTranslation();
  const { station, staff } = useDesk();
  return useMemo(() => registerLabels({
    t, i18n, timeZone: station.timeZone, canUnmask: can(staff.role, 'phone.unmask'),
    phoneContext: { countryCode: station.countryCode, areaCode: station.areaCode }, staffNames: names, withYear,
  }), [t, i18n, station.timeZone, station.countryCode, station.areaCode, staff.role, names, withYear]);
}

export function useRegisterTable(register: RegisterId, tickets: readonly Ticket[], names: ReadonlyMap<string, string>): RegisterTable {
  const { t } = useTranslation();
  const labels = useLabels(names, false);
  return useMemo(() => {
    const columns = registerColumns(register);
    return {
      columns,
      headers: columns.map((c) => t(`registers.columns.${c}`)),
      rows: tickets.map((ticket) => registerRow(ticket, register, labels)),
      nowrap: new Set(columns.flatMap((c, i) => (ONE_LINE.has(c) ? [i] : []))),
      wide: new Set(columns.flatMap((c, i) => (WIDE.has(c) ? [i] : []))),
    };
  }, [register, tickets, labels, t]);
}
