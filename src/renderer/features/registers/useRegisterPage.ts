import { useLiveQuery } from 'dexie-react-hooks';
import type { RegisterId } from '@shared/registers/registerKinds';
import type { MergedPage, RegisterCursor } from '@shared/registers/registerPaging';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../desk/DeskContext';
import { readRegisterPage, staffNames, type Span } from './registerQuery';

export interface RegisterPage extends MergedPage<Ticket> {
  names: Map<string, string>;
}

/** One page of a register, live (a request saved meanwhile appears); undefined while reading. */
export function useRegisterPage(register: RegisterId, span: Span, after: RegisterCursor | null): RegisterPage | undefined {
  const { db } = useDesk();
  return useLiveQuery(async () => {
    const page = await readRegisterPage(db, register, span, after);
    return { ...page, names: await staffNames(db, page.rows) };
  }, [db, register, span.start, span.end, after?.receivedAt, after?.id]);
}
