/**
 * U19: a dialog's focus trap (Mantine) focuses the dialog's `[data-autofocus]` element on timers
 * it sets as the dialog opens. On a busy machine they can fire after the person has already typed
 * into the first field and moved on (Enter or Tab), and the caret jumped back: CI saw it in the
 * intake form, and CPU throttling showed it in 1 opening in 15. Moving the mark to whichever text
 * field the person is in makes such a late pass focus the field that already has the focus:
 * nothing moves. Switches and buttons keep no mark, so it stays on the last field typed in.
 */
const TEXT_FIELD = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="file"]), textarea, select';
const MARK = 'data-autofocus';

function follow(event: FocusEvent): void {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.matches(TEXT_FIELD) || target.hasAttribute(MARK)) return;
  const dialog = target.closest('[role="dialog"]');
  if (!dialog) return;
  for (const marked of dialog.querySelectorAll(`[${MARK}]`)) marked.removeAttribute(MARK);
  target.setAttribute(MARK, 'true');
}

/** Installed once, for every dialog of the page. */
export function installDialogFocusFollow(doc: Document): void {
  doc.addEventListener('focusin', follow, true);
}

/** The text field of `scope` marked last: the one the person was last in, or else the one the dialog opened on. */
export function focusMarkedField(scope: HTMLElement | null): void {
  scope?.querySelector<HTMLElement>(`:is(${TEXT_FIELD})[${MARK}]`)?.focus();
}
