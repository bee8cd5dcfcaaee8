/// <reference lib="dom" />
// In-page UI timing for the work queue (bundled with bench/seedStore.ts): performs one filter or
// search action the way a user's input reaches React (a real DOM event on the real control) and
// times it until the queue's rows show the new result (DOM committed) and until the next frame.

export interface QueueLabels {
  search: string;
  kindFilter: string;
  empty: string;
}

export type UiAction = { type: 'kind'; value: string } | { type: 'scope'; value: 'active' | 'closed' | 'all' } | { type: 'search'; value: string };

export interface UiTiming {
  /** From the input event to the rows in the DOM showing the new result. */
  domMs: number;
  /** The same, to the frame after it (what the clerk sees). */
  frameMs: number;
  rows: number;
  timedOut: boolean;
}

const rowSelector = '[data-testid="queue-row"]';

function signature(): string {
  return Array.from(document.querySelectorAll(rowSelector), (row) => row.querySelector('td')?.textContent ?? '').join('|');
}

function setNativeValue(element: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
}

function perform(action: UiAction, labels: QueueLabels) {
  if (action.type === 'kind') {
    const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${labels.kindFilter}"]`);
    if (!select) throw new Error('kind filter not found');
    setNativeValue(select, action.value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (action.type === 'scope') {
    const radio = document.querySelector<HTMLInputElement>(`input[type="radio"][value="${action.value}"]`);
    if (!radio) throw new Error('scope control not found');
    radio.click();
  } else {
    const input = document.querySelector<HTMLInputElement>(`input[aria-label="${labels.search}"]`);
    if (!input) throw new Error('search box not found');
    setNativeValue(input, action.value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function nextFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  }));
}

export function measure(action: UiAction, labels: QueueLabels, timeoutMs = 15_000): Promise<UiTiming> {
  const root = document.querySelector('[data-testid="queue"]')?.parentElement;
  if (!root) throw new Error('queue not on screen');
  const before = signature();
  const emptyShown = () => root.textContent?.includes(labels.empty) ?? false;
  return new Promise((resolve) => {
    let t0 = 0;
    let finished = false;
    const finish = (timedOut: boolean) => {
      if (finished) return;
      finished = true;
      const domMs = performance.now() - t0;
      observer.disconnect();
      clearTimeout(timer);
      const rows = document.querySelectorAll(rowSelector).length;
      void nextFrame().then(() => resolve({ domMs, frameMs: performance.now() - t0, rows, timedOut }));
    };
    const observer = new MutationObserver(() => {
      const now = signature();
      if (now !== before && (now !== '' || emptyShown())) finish(false);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish(true), timeoutMs);
    t0 = performance.now();
    perform(action, labels);
  });
}

/** Waits until the queue shows rows for the current controls (used between timed actions). */
export async function settle(quietMs = 400, timeoutMs = 15_000): Promise<number> {
  const started = performance.now();
  let last = signature();
  let stableSince = performance.now();
  while (performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = signature();
    if (now !== last) {
      last = now;
      stableSince = performance.now();
    } else if (performance.now() - stableSince >= quietMs) break;
  }
  return document.querySelectorAll(rowSelector).length;
}

export const uiProbe = { measure, settle, signature };
