// Issue 14: the ticket view's steps of the rulebook, their timeline lines and the refusals.
export const handling = {} as const;
