/** The real manifest (data/sources.json): every entry can be fetched by a fresh machine. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestSchema, releaseKey } from '../../../contract/manifest.ts';
import { loadManifest, manifestText } from '../../../scripts/data/core/manifest.ts';

const MANIFEST = join(import.meta.dirname, '../../../data/sources.json');

describe('data/sources.json', () => {
  it('every entry has a downloadUrl (DATA_DOWNLOAD=1 works from an empty cache)', async () => {
    const m = await loadManifest(MANIFEST);
    expect(m.sources.filter((s) => !s.downloadUrl).map((s) => s.id)).toEqual([]);
  });

  it('every converted entry pins its download and names a layer', async () => {
    const m = await loadManifest(MANIFEST);
    const converted = m.sources.filter((s) => s.convert);
    expect(converted.length).toBeGreaterThan(0);
    for (const s of converted) {
      expect(s.downloadSha256, s.id).toMatch(/^[0-9a-f]{64}$/);
      expect(s.downloadBytes, s.id).toBeGreaterThan(0);
      expect(s.convert!.layer.length, s.id).toBeGreaterThan(0);
    }
  });

  it('a conversion without a downloadUrl is refused by the schema, naming the entry', () => {
    const entry = {
      id: 'geo-x',
      family: 'geo',
      title: 'A map layer',
      publisher: 'Someone',
      landingUrl: 'https://example.org/',
      licence: 'OGL-3.0',
      release: '2023',
      path: 'geo/x.geojson',
      sha256: '',
      convert: { from: 'gpkg', layer: 'x', precision: 4 },
    };
    const r = ManifestSchema.safeParse({ sources: [entry] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('geo-x declares a conversion but has no downloadUrl to convert from');
  });
});

describe('releaseKey orders releases by the date they name', () => {
  it('reads published first, then ISO, month-name and year-only release labels', () => {
    expect(releaseKey({ release: '2023' })).toBe('2023-00-00');
    expect(releaseKey({ release: '2025-06' })).toBe('2025-06-00');
    expect(releaseKey({ release: 'December 2025' })).toBe('2025-12-00');
    expect(releaseKey({ release: 'March 2020' })).toBe('2020-03-00');
    expect(releaseKey({ release: '31 March 2025' })).toBe('2025-03-31');
    expect(releaseKey({ release: 'SFR21/2011' })).toBe('2011-00-00');
    expect(releaseKey({ release: 'March 2020', published: '2020-03-11' })).toBe('2020-03-11');
    expect(releaseKey({ release: 'first' })).toBeUndefined();
  });

  it('every entry that has a role names a date or year, and no two entries share a family, role and release', async () => {
    const m = await loadManifest(MANIFEST);
    const keys = new Map<string, string>();
    for (const s of m.sources.filter((x) => x.role)) {
      const k = releaseKey(s);
      expect(k, s.id).toBeDefined();
      const slot = `${s.family}/${s.role}/${k}`;
      expect(keys.get(slot), `${s.id} and ${keys.get(slot)} are the same release of ${s.family}/${s.role}`).toBeUndefined();
      keys.set(slot, s.id);
    }
  });
});

describe('manifestText writes data/sources.json in its own style', () => {
  it('round-trips the committed manifest byte for byte (its \\u escapes kept)', async () => {
    const text = await readFile(MANIFEST, 'utf8');
    expect(text).toMatch(/\\u2013/);
    expect(manifestText(JSON.parse(text))).toBe(text);
  });
  it('escapes a non-ASCII character a new entry brings', () => {
    expect(manifestText({ title: 'Children’s services – 2026' })).toBe('{\n  "title": "Children\\u2019s services \\u2013 2026"\n}\n');
  });
});
