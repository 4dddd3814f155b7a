/**
 * On the REAL pipeline outputs (data/output): every anomaly in anomalies.json
 * whose council page has a chart of its measure (or of a measure computed from
 * it) is ringed on that chart, once per chart, at a year the chart draws.
 * The charts are built as src/pages/councils/[slug].astro builds them.
 */
import { existsSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import { renderLineChart, renderStackedArea } from '../../../src/lib/charts/index.ts';
import { anomaliesBehind, councilChartFlags } from '../../../src/lib/councils/flags.ts';
import { SPEND_BLOCKS, spendBlocks, versusSeries } from '../../../src/lib/councils/series.ts';
import { getAnomalies, getEngland, getLaRows, getRegions } from '../../../src/lib/data.ts';

const haveOutputs = ['la-panel.json', 'england.json', 'regions.json', 'anomalies.json'].every((f) => existsSync(`data/output/${f}`));
const LINE_MEASURES: PanelNumericColumn[] = ['cla_rate_per_10k', 'cin_rate_per_10k', 'cpp_rate_per_10k', 'spend_per_child_real_gbp'];

function rings(markup: string): number {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelectorAll('.chart-flag circle').length;
}

// A missing output is a failure, not a skip: the global set-up runs the pipeline, so absence means it broke.
it('finds the pipeline outputs in data/output (run `npm run data`)', () => {
  expect(haveOutputs, 'data/output/ lacks la-panel.json, england.json, regions.json or anomalies.json: run `npm run data`').toBe(true);
});

describe('flagged values on the council pages (real outputs)', { timeout: 120_000 }, () => {
  it('rings every anomaly on each council-page chart that shows its value', () => {
    const all = getAnomalies();
    const england = getEngland().series;
    const regions = getRegions();
    let expected = 0;
    let drawn = 0;
    const charted = new Set<number>();
    for (const code of new Set(all.map((a) => a.la_code))) {
      const mine = all.filter((a) => a.la_code === code);
      const rows = getLaRows(code);
      const name = (year: number) => rows.find((r) => r.year === year)!.la_name;
      for (const m of LINE_MEASURES) {
        const data = versusSeries(rows, england, regions, m);
        const flags = councilChartFlags(mine, { measure: m, where: (year) => ({ year, area: name(year) }) });
        // Independently: the anomalies behind this measure whose council row has a value for it that year.
        const shown = anomaliesBehind(mine, m).filter((a) => rows.find((r) => r.year === a.year)?.[m] != null);
        for (const a of shown) charted.add(all.indexOf(a));
        expected += new Set(shown.map((a) => a.year)).size;
        if (!flags.length) continue;
        const out = renderLineChart({ title: m, data, x: 'year', y: 'value', z: 'area', flags });
        expect(rings(out.svgWide)).toBe(new Set(shown.map((a) => a.year)).size);
        expect(rings(out.svgNarrow)).toBe(rings(out.svgWide));
        drawn += rings(out.svgWide);
      }
      const blocks = spendBlocks(rows);
      const flags = SPEND_BLOCKS.flatMap((b) => councilChartFlags(mine, { measure: b.measure, where: (year) => ({ year, block: b.label }) }));
      // A stacked year is drawn only when every block has a figure.
      const complete = (year: number) => SPEND_BLOCKS.every((b) => rows.find((r) => r.year === year)?.[b.measure] != null);
      const shown = SPEND_BLOCKS.flatMap((b) => anomaliesBehind(mine, b.measure).filter((a) => complete(a.year)));
      for (const a of shown) charted.add(all.indexOf(a));
      expected += shown.length;
      if (flags.length) {
        const out = renderStackedArea({ title: 'blocks', data: blocks, x: 'year', y: 'spend', z: 'block', flags });
        expect(rings(out.svgWide)).toBe(shown.length);
        drawn += rings(out.svgWide);
      }
    }
    expect(drawn).toBe(expected);
    // Anomalies in a year a chart does not draw (no real-terms figure, a stacked year with a block missing) get the note and the table flag only.
    console.log(`anomalies ${all.length}, ringed on a chart ${charted.size}, rings drawn ${drawn}`);
    expect(charted.size).toBeGreaterThan(0);
  });
});
