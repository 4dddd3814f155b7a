/**
 * The public log of accepted data updates (data/updates.json, written by the
 * pipeline's update mode: scripts/data/publish/updates.ts), read at build time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UpdatesFileSchema, type UpdateEntry } from '../../../contract/updates.ts';

export type { UpdateEntry };

/** Every accepted update, newest first. DATA_UPDATES_FILE overrides the path (tests). */
export function getUpdates(): UpdateEntry[] {
  const path = resolve(process.cwd(), process.env.DATA_UPDATES_FILE || 'data/updates.json');
  if (!existsSync(path)) return [];
  const parsed = UpdatesFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${path} is not a valid data-updates log:\n${issues}`);
  }
  return [...parsed.data.updates].reverse();
}
