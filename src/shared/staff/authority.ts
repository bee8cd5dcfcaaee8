// S7: folds apply an event only if its actor held the permission at the event's hlc. The
// actor's standing (role, active) at an hlc comes from the staff fold's history, so a stream
// re-folded from the log reaches the same decision as when the event first arrived.
import { can, type Role } from '../domain/roles';
import type { DeskEvent } from '../events/envelope';
import { checkEvent, specOf } from '../events/registry';
import { STAFF_PIN_SET, STAFF_UPDATED } from './staffEvents';
import type { StaffMember } from './staffFold';
import { isSetupBootstrap } from './setupBootstrap';

export type RefusalReason = 'unknownActor' | 'inactive' | 'notPermitted' | 'invalid';
export type Decision = { ok: true } | { ok: false; reason: RefusalReason };

/** The actor's role and whether they were active just before `hlc`; null if not yet added. */
export function standingAt(member: StaffMember | null | undefined, hlc: string): { role: Role; active: boolean } | null {
  if (!member) return null;
  // Rows folded before the history existed: the current standing, held since the start.
  const history = member.history ?? [{ hlc: '', role: member.role, active: member.active === 1 }];
  let role: Role | null = null;
  let active = false;
  for (const change of history) {
    if (change.hlc >= hlc) break;
    if (change.role) role = change.role;
    if (change.active !== undefined) active = change.active;
  }
  return role ? { role, active } : null;
}

/** The subject of a staff stream, or null for other streams. */
export function staffSubject(stream: string): string | null {
  return stream.startsWith('staff:') ? stream.slice('staff:'.length) : null;
}

/**
 * Whether the folds may apply `event`. `actor` is the actor's staff row (for an event on the
 * actor's own stream, the row as folded up to this event); `setupTaken` says whether the event's
 * station already set up another first manager before this hlc.
 * The bootstraps: a station's first manager (setupBootstrap.ts); a person setting their own PIN
 * while active (the desk asks for it only of the signed-in person); and a person choosing their
 * own interface language (settings' 我的界面语言), nothing else of theirs.
 */
export function authorise(event: DeskEvent, actor: StaffMember | null | undefined, setupTaken: boolean): Decision {
  const spec = specOf(event.type);
  // Types this version does not know stay in the log; the folds leave them alone anyway.
  if (!spec) return { ok: true };
  if (!checkEvent(event).ok) return { ok: false, reason: 'invalid' };
  if (spec.permission === null) return { ok: true };
  if (isSetupBootstrap(event) && !setupTaken) return { ok: true };
  const standing = event.actor === null ? null : standingAt(actor, event.hlc);
  if (!standing) return { ok: false, reason: 'unknownActor' };
  if (!standing.active) return { ok: false, reason: 'inactive' };
  if (event.type === STAFF_PIN_SET && event.actor === staffSubject(event.stream)) return { ok: true };
  if (event.type === STAFF_UPDATED && event.actor === staffSubject(event.stream) && onlyLanguage(event.payload)) return { ok: true };
  return can(standing.role, spec.permission) ? { ok: true } : { ok: false, reason: 'notPermitted' };
}

/** An update of nothing but the interface language. */
function onlyLanguage(payload: Record<string, unknown>): boolean {
  const keys = Object.keys(payload).filter((k) => payload[k] !== undefined);
  return keys.length === 1 && keys[0] === 'language';
}
