import { z } from 'zod';
import { defaultHostSettings, hostSettings, type HostSettings } from '../../shared/bridge/contract';

// Per-setting recovery of a settings file that parsed as JSON (S3). Each setting ("leaf", e.g.
// callerId.path) is judged alone: a valid value is kept, a missing one (an older file) takes
// its default silently, a present but invalid one takes its default and is reported as lost.
// A file that is not JSON at all is not recovered here: every setting is lost (settingsFile).

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function leaves(schema: z.ZodObject, prefix: string): { key: string; path: string[]; schema: z.ZodType }[] {
  return Object.entries(schema.shape).flatMap(([name, child]) => {
    const key = prefix ? `${prefix}.${name}` : name;
    const path = key.split('.');
    return child instanceof z.ZodObject ? leaves(child, key) : [{ key, path, schema: child as z.ZodType }];
  });
}

const LEAVES = leaves(hostSettings, '');

/** Every setting's dotted name, e.g. ['callerId.enabled', 'callerId.path', …]. */
export function settingKeys(): string[] {
  return LEAVES.map((leaf) => leaf.key);
}

function get(root: unknown, path: string[]): { present: boolean; value: unknown } {
  let node: unknown = root;
  for (const part of path) {
    if (!isRecord(node)) return { present: node !== undefined, value: undefined };
    if (!(part in node)) return { present: false, value: undefined };
    node = node[part];
  }
  return { present: true, value: node };
}

function set(root: Json, path: string[], value: unknown): void {
  let node = root;
  for (const part of path.slice(0, -1)) node = node[part] as Json;
  node[path[path.length - 1]!] = value;
}

export function recoverSettings(json: unknown): { settings: HostSettings; lostKeys: string[] } {
  if (!isRecord(json)) return { settings: defaultHostSettings, lostKeys: settingKeys() };
  const settings = structuredClone(defaultHostSettings) as unknown as Json;
  const lostKeys: string[] = [];
  for (const leaf of LEAVES) {
    const found = get(json, leaf.path);
    if (!found.present) continue;
    const parsed = leaf.schema.safeParse(found.value);
    if (parsed.success) set(settings, leaf.path, parsed.data);
    else lostKeys.push(leaf.key);
  }
  // The leaves are the whole schema, so this cannot fail; parse keeps the type honest.
  return { settings: hostSettings.parse(settings), lostKeys };
}
