import type { KeyboardEvent } from 'react';

const FIELD = '[data-intake-field]';

/**
 * Keyboard-first intake: Enter moves to the next field (Shift+Enter keeps a newline in the
 * description), Ctrl/Cmd+Enter saves from anywhere in the form.
 */
export function enterNavigation(submit: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
      return;
    }
    const target = event.target as HTMLElement;
    if (!target.matches(FIELD) || (target.tagName === 'TEXTAREA' && event.shiftKey)) return;
    event.preventDefault();
    const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(`${FIELD}, [data-intake-save]`));
    const next = fields[fields.indexOf(target) + 1];
    next?.focus();
  };
}
