// Issue 15: the alarm bar, the sound, acknowledging and snoozing (features/alarms).
export const alarms = {} as const;
