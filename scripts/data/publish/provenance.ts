/**
 * Provenance for every published file: the data version and, for each source
 * that feeds the file, its title, publisher, release, licence, landing page and
 * checksum. No timestamps: two runs over the same data produce identical files.
 */
import type { Provenance } from '../../../contract/outputs.ts';
import type { SourceFiles } from '../core/acquire.ts';
import type { Family } from '../../../contract/manifest.ts';

export function provenanceFor(files: SourceFiles, dataVersion: string, families: readonly Family[]): Provenance {
  const generatedFrom = [...files.values()]
    .filter((f) => families.includes(f.entry.family))
    .map((f) => ({
      id: f.entry.id,
      title: f.entry.title,
      publisher: f.entry.publisher,
      release: f.entry.release,
      ...(f.entry.published ? { published: f.entry.published } : {}),
      sha256: f.sha256,
      landingUrl: f.entry.landingUrl,
      licence: f.entry.licence,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const dated = generatedFrom.filter((g) => g.published).sort((a, b) => b.published!.localeCompare(a.published!) || a.id.localeCompare(b.id));
  const latestPublication = dated[0] ? { date: dated[0].published!, source: dated[0].id } : null;
  return { dataVersion, latestPublication, generatedFrom };
}

/** The families that feed the LA panel. */
export const PANEL_FAMILIES: readonly Family[] = ['cla', 'cin', 'population', 'spend', 'deflators', 'ofsted', 'deprivation', 'geography'];
