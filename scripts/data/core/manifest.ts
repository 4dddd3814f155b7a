/** Reading the source manifest (data/sources.json); its schema is the contract's (contract/manifest.ts). */
import { readFile } from 'node:fs/promises';
import { type Manifest, ManifestSchema } from '../../../contract/manifest.ts';

export async function loadManifest(path: string): Promise<Manifest> {
  const text = await readFile(path, 'utf8');
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${path} is not a valid source manifest:\n${issues}`);
  }
  return parsed.data;
}

/**
 * The manifest's text as the repository keeps it: two-space JSON, non-ASCII
 * characters written as \u escapes (the file's own style), a final newline.
 * Every writer of data/sources.json uses this, so an update's diff shows only
 * the entries or pins it changed.
 */
export function manifestText(raw: unknown): string {
  const json = JSON.stringify(raw, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}
