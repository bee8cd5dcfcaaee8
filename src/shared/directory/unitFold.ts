import type { DeskEvent } from '../events/envelope';
import { normaliseBuilding, normaliseRoom, unitKey, type UnitRef } from '../domain/units';
import { UNIT_ADDED, UNIT_UPDATED, unitAddedPayload, unitUpdatedPayload } from './directoryEvents';
import { applyLww, type LwwRow } from '../events/lastWriterWins';
import { unitSearchKeys } from './searchKeys';

/** The unit projection row (Dexie `units`). */
export interface Unit extends LwwRow {
  id: string;
  /** `3-1502`: what tickets store as unitKey and what staff type. */
  key: string;
  building: string;
  room: string;
  floor: number | null;
  notes: string;
  /** 0 while only later edits have arrived (sync out of order); such a row is never shown. */
  added: 0 | 1;
  searchKeys: string[];
}

/**
 * A unit's id is its key, so two stations that add or import the same unit offline write to
 * one stream and merge instead of making two `3-1502`s.
 */
export function unitIdFor(ref: UnitRef): string {
  return unitKey(ref);
}

function emptyUnit(event: DeskEvent): Unit {
  return { id: event.stream.slice('unit:'.length), key: '', building: '', room: '', floor: null, notes: '', added: 0, searchKeys: [], fieldHlc: {}, lastHlc: event.hlc };
}

/** Folds one unit event: last writer wins per field (events/lastWriterWins.ts). */
export function foldUnit(unit: Unit | null, event: DeskEvent): Unit | null {
  let next: Unit;
  if (event.type === UNIT_ADDED) {
    const p = unitAddedPayload.parse(event.payload);
    const building = normaliseBuilding(p.building);
    const room = normaliseRoom(p.room);
    next = applyLww({ ...(unit ?? emptyUnit(event)), building, room, key: unitKey({ building, room }), added: 1 }, event, { floor: p.floor, notes: p.notes });
  } else if (event.type === UNIT_UPDATED) {
    // An edit that arrives before its unit still makes a row, so the added event that follows
    // (older hlc) makes the store re-fold the stream in order instead of losing the edit.
    next = applyLww(unit ?? emptyUnit(event), event, unitUpdatedPayload.parse(event.payload));
  } else {
    return unit;
  }
  return { ...next, searchKeys: next.added ? unitSearchKeys(next) : [] };
}
