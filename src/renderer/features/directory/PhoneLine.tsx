import type { PhoneNumber as DirectoryPhone } from '@shared/directory/phone/phoneTypes';
import { useDesk } from '../../desk/DeskContext';
import { PhoneNumber } from '../../components/PhoneNumber';
import { revealPhone } from './directoryCommands';

interface Props {
  residentId: string;
  phone: DirectoryPhone;
}

/**
 * R-CONFIDENTIAL: a number is shown masked. Staff with `phone.unmask` may show it in full, and
 * the reveal is saved as an event first: if that save fails, the number stays masked.
 */
export function PhoneLine({ residentId, phone }: Props) {
  const { store, staff } = useDesk();
  return <PhoneNumber phone={phone.e164} extension={phone.extension} reveal={() => revealPhone(store, residentId, phone.e164, staff.id)} />;
}
