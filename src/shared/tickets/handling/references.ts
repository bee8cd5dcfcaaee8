// Reference lists of the rulebook that a manager may extend per estate (settings): the
// departments a request is transferred to, and the places without a room (common areas).
// A known id is translated in the UI; anything else is shown as typed.

/** The departments that do the work (domain.md "Who uses it"), plus an outside body (R-NO-BUCK-PASSING). */
export const DEFAULT_DEPARTMENTS = ['security', 'engineering', 'cleaning', 'greening', 'cashier', 'managementOffice', 'outsideBody'] as const;
export type KnownDepartment = (typeof DEFAULT_DEPARTMENTS)[number];

/** Common areas of an estate: where a fault or an incident is when it has no room. */
export const DEFAULT_COMMON_AREAS = ['lobby', 'lift', 'stairwell', 'corridor', 'carPark', 'garden', 'clubhouse', 'pool', 'mainGate', 'perimeter', 'roof', 'plantRoom'] as const;
export type KnownCommonArea = (typeof DEFAULT_COMMON_AREAS)[number];

export const REFERENCE_LIMITS = { entry: 40, entries: 40 } as const;

export function isKnownDepartment(value: string): value is KnownDepartment {
  return (DEFAULT_DEPARTMENTS as readonly string[]).includes(value);
}

export function isKnownCommonArea(value: string): value is KnownCommonArea {
  return (DEFAULT_COMMON_AREAS as readonly string[]).includes(value);
}
