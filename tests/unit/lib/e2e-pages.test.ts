import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { builtPaths, pageType, samplePaths, slugFor } from '../../e2e/pages.ts';

describe('e2e page enumeration', () => {
  it('walks dist/ for html files, skipping assets', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    for (const f of ['index.html', '404.html', 'about/index.html', 'councils/kent/index.html', '_astro/x.html', 'data/la-panel.csv']) {
      mkdirSync(dirname(join(dist, f)), { recursive: true });
      writeFileSync(join(dist, f), '<html></html>');
    }
    expect(builtPaths(dist)).toEqual(['/', '/404.html', '/about/', '/councils/kent/']);
    rmSync(dist, { recursive: true });
  });

  it('fails with a build hint when dist/ is missing', () => {
    expect(() => builtPaths('/nonexistent-dist')).toThrow(/build the site first/);
  });

  it('samples big groups deterministically and keeps small ones whole', () => {
    const councils = Array.from({ length: 150 }, (_, i) => `/councils/la-${String(i).padStart(3, '0')}/`);
    const paths = ['/', '/about/', '/stories/', '/stories/a/', ...councils];
    expect(pageType('/councils/la-001/')).toBe('/councils/*');
    expect(pageType('/about/')).toBe('/about/');
    expect(pageType('/embed/more-children-in-care/cla-long-run/')).toBe('/embed/*');
    expect(pageType('/embed/the-ratings/ofsted-in-force/')).toBe('/embed/*');
    const s = samplePaths(paths, 4, false);
    expect(s.filter((p) => p.startsWith('/councils/'))).toEqual(['/councils/la-000/', '/councils/la-050/', '/councils/la-099/', '/councils/la-149/']);
    expect(s).toEqual(expect.arrayContaining(['/', '/about/', '/stories/', '/stories/a/']));
    expect(samplePaths(paths, 4, true)).toHaveLength(paths.length);
    expect(samplePaths(paths, 1, false).filter((p) => p.startsWith('/councils/'))).toEqual(['/councils/la-000/']);
  });

  it("groups the map's pre-rendered layers as one page type, whatever the layer and year", () => {
    expect(pageType('/map/cla_rate_per_10k/2025/')).toBe('/map/*/*');
    expect(pageType('/map/ofsted_overall/2024/')).toBe('/map/*/*');
    expect(pageType('/map/')).toBe('/map/');
    expect(pageType('/map/layers/x.json')).toBe('/map/layers/*');
  });

  it('names screenshots from paths', () => {
    expect(slugFor('/')).toBe('home');
    expect(slugFor('/stories/sample-figures/')).toBe('stories-sample-figures');
    expect(slugFor('/404.html')).toBe('404');
  });
});
