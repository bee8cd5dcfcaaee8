import type { zhCN } from './zh-CN';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** Every language has exactly the keys of the zh-CN source, with its own strings. */
export type Translation = Widen<typeof zhCN>;
