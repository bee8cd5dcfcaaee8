import type { Translation } from '../types';

export const alarms: Translation['alarms'] = {
  bar: {
    label: 'Deadlines',
    more: '{{count}} more',
    less: 'Show fewer',
    escalatedForYou: 'An alarm nobody acknowledged was escalated to the {{role}}: act on it now',
  },
  item: {
    remaining: '{{span}} left',
    justDue: 'just due',
    overdueBy: 'due {{span}} ago',
    due: '{{what}}',
    escalated: 'escalated to the {{role}}',
    snoozedUntil: 'snoozed until {{time}}',
    paused: 'clock paused',
    acknowledged: 'acknowledged',
    late: 'back-filled · late',
    open: 'Open {{number}}',
  },
  ack: 'Acknowledge',
  snooze: 'Snooze',
  snoozeModal: {
    title: 'Snooze · {{number}}',
    minutes: 'Snooze for (minutes)',
    minutesHint: '1 to {{max}} minutes',
    reason: 'Why',
    reasonRequired: 'Say why it waits',
    left: '{{count}} snoozes left this round',
    none: 'Snoozed {{max}} times this round: acknowledge it or act on it',
    submit: 'Snooze',
    cancel: 'Cancel',
  },
  pinModal: {
    title: 'Acknowledge · {{number}}',
    body: 'The screen is locked: choose your name and enter your PIN to acknowledge as yourself.',
    who: 'Acknowledged by',
    pin: 'PIN',
    submit: 'Acknowledge',
    cancel: 'Cancel',
  },
  failed: 'Not saved: try again',
  sound: {
    blocked: 'The browser blocked the alarm sound. Click "Enable sound" so no deadline goes unheard.',
    enable: 'Enable sound',
  },
  titleFlash: '[DUE] ',
  clockStep: {
    title: 'The clock jumped',
    body: 'This computer\'s clock jumped by {{minutes}} minutes (sleep, wake or a clock change). Deadlines that fell due meanwhile have rung: check them.',
  },
};
