import { useState } from 'react';
import { Button, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterId } from '@shared/registers/registerKinds';
import type { RegisterCursor } from '@shared/registers/registerPaging';
import type { Ticket } from '@shared/tickets/ticketFold';
import { PrintWorkOrderButton } from './print/WorkOrderPrint';
import type { Span } from './registerQuery';
import { useRegisterPage } from './useRegisterPage';
import { useRegisterTable } from './useRegisterRows';

interface Props {
  register: RegisterId;
  span: Span;
}

const NO_NAMES = new Map<string, string>();

/** The register on screen, a page at a time; the parent keys it by form and dates, so a new choice starts at page 1. */
export function RegisterList({ register, span }: Props) {
  const { t } = useTranslation();
  // Where each page seen so far began: "previous" goes back one, "next" adds the page's end.
  const [starts, setStarts] = useState<(RegisterCursor | null)[]>([null]);
  const page = useRegisterPage(register, span, starts[starts.length - 1] ?? null);
  const table = useRegisterTable(register, page?.rows ?? [], page?.names ?? NO_NAMES);
  if (!page) return <Loader size="sm" />;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders striped verticalSpacing={4} fz="sm" data-testid="register-table">
          <Table.Thead>
            <Table.Tr>
              {table.headers.map((h) => <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>{h}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, index) => (
              <Table.Tr key={row[0]} data-testid="register-row">
                {row.map((cell, i) => (
                  <Table.Td key={table.headers[i]} style={table.nowrap.has(i) ? { whiteSpace: 'nowrap' } : table.wide.has(i) ? { minWidth: '9em' } : undefined}>
                    {/* R-REPAIR-ORDER-5MIN: the repair record prints its work orders (维修服务通知单) from the list. */}
                    {table.columns[i] === 'workOrders' ? <WorkOrderButtons ticket={page.rows[index]!} /> : cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.rows.length === 0 ? <Text c="dimmed" ta="center" py="md" data-testid="register-empty">{t('registers.empty')}</Text> : null}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">{t('registers.page', { page: starts.length })} · {t('registers.pageRows', { count: table.rows.length })}</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={starts.length === 1} onClick={() => setStarts((s) => s.slice(0, -1))}>{t('registers.previous')}</Button>
          <Button size="xs" variant="default" disabled={!page.next} onClick={() => page.next && setStarts((s) => [...s, page.next])}>{t('registers.next')}</Button>
        </Group>
      </Group>
    </>
  );
}

function WorkOrderButtons({ ticket }: { ticket: Ticket }) {
  return (
    <Group gap={4}>
      {(ticket.handling?.workOrders ?? []).map((o) => <PrintWorkOrderButton key={o.number} ticket={ticket} orderNumber={o.number} byNumber />)}
    </Group>
  );
}
