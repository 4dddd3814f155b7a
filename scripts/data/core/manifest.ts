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
