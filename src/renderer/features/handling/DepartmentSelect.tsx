import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { referenceLabel } from '../../i18n/referenceLabel';
import { useReferenceList } from '../settings/referenceLists';

/** A department from the estate's list (R-NO-BUCK-PASSING: an outside body is one of them). */
export function DepartmentSelect({ label, value, onChange }: { label: string; value: string | null; onChange(value: string | null): void }) {
  const { t } = useTranslation();
  const departments = useReferenceList('departments');
  const data = departments.map((d) => ({ value: d, label: referenceLabel(t, 'departments', d) }));
  return <Select label={label} data={data} value={value} onChange={onChange} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }} />;
}
