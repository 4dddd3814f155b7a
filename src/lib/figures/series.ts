/**
 * Chart data for stories, from the REAL data: flat rows in the shape the chart
 * components take (src/components/charts/README.md), with missing values as
 * null plus `missingReason` (never 0). Used in MDX:
 *
 *   import { series } from '../../lib/figures/series.ts';
 *   <LineChart data={series('cla_rate_per_10k', ['england', 'north-east'])} x="year" y="value" z="area" … />
 *
 * Areas are named as in <Fig la="…">: "england", region slugs, council slugs or
 * ONS codes; an unknown one throws with the nearest valid choices.
 */
import { SPEND_BLOCK_MEASURES, type SpendBlockMeasure } from '../../../contract/measures.ts';
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import { ENGLAND_CODE, getEngland, getLaRows, getLas, getPanel, getRegions } from '../data.ts';
import { nearestStrings, slugify } from './refs.ts';
import type { AreaId, MeasureId } from './ids.generated.ts';
import { isAreaCode } from '../../../contract/codes.ts';

export interface Row {
  [field: string]: string | number | null | undefined;
}

function areaCode(id: string): { code: string; name: string } {
  if (id === 'england' || id === ENGLAND_CODE) return { code: ENGLAND_CODE, name: 'England' };
  const region = getRegions().find((r) => r.code === id || slugify(r.name) === id);
  if (region) return { code: region.code, name: region.name };
  const la = getLas().find((l) => l.code === id || l.slug === id);
  if (la) return { code: la.code, name: la.name };
  const choices = ['england', ...new Set(getRegions().map((r) => slugify(r.name))), ...getLas().map((l) => l.slug)];
  throw new Error(`unknown area "${id}". Nearest valid choices: ${nearestStrings(id, choices, 4).join(', ')}.`);
}

function checkMeasure(m: string): asserts m is PanelNumericColumn {
  const cols = getPanel().columns.map((c) => c.name);
  if (!cols.includes(m)) throw new Error(`unknown measure "${m}". Nearest valid choices: ${nearestStrings(m, cols, 4).join(', ')}.`);
}

/** Rows remember the measures they carry (for the story's Sources box); not a field, so tables and CSVs are unchanged. */
function tag<T extends Row[]>(rows: T, measures: string[]): T {
  Object.defineProperty(rows, 'measures', { value: measures, enumerable: false });
  return rows;
}

function inRange(year: number, from?: number, to?: number): boolean {
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

/** One row per area per year: {year, area, value, missingReason?}. */
export function series(m: MeasureId, areas: AreaId | AreaId[], opts: { from?: number; to?: number } = {}): Row[] {
  checkMeasure(m);
  const out: Row[] = [];
  for (const id of Array.isArray(areas) ? areas : [areas]) {
    const { code, name } = areaCode(id);
    if (isAreaCode(code)) {
      const rows = (code === ENGLAND_CODE ? getEngland().series : getRegions()).filter((a) => a.code === code);
      for (const r of rows) {
        if (!inRange(r.year, opts.from, opts.to)) continue;
        const v = r.values[m] ?? null;
        out.push({ year: r.year, area: name, value: v, ...(v === null ? { missingReason: r.missing[m] ?? 'blank' } : {}) });
      }
    } else {
      for (const r of getLaRows(code)) {
        if (!inRange(r.year, opts.from, opts.to)) continue;
        const v = r[m];
        out.push({ year: r.year, area: name, value: v, ...(v === null ? { missingReason: r.missing[m] ?? 'blank' } : {}) });
      }
    }
  }
  return tag(
    out.sort((a, b) => Number(a.year) - Number(b.year) || String(a.area).localeCompare(String(b.area))),
    [m],
  );
}

/** Every council with a row in `year`: {la, region, value, missingReason?}. Optionally one region (slug). */
export function councils(m: MeasureId, year: number, opts: { region?: string } = {}): Row[] {
  checkMeasure(m);
  const region = opts.region ? areaCode(opts.region).code : undefined;
  const rows = getPanel().rows.filter((r) => r.year === year && (!region || r.region_code === region));
  if (!rows.length) throw new Error(`councils("${m}", ${year}): no council rows for ${year}.`);
  return tag(
    rows
      .map((r) => ({ la: r.la_name, region: r.region, value: r[m], ...(r[m] === null ? { missingReason: r.missing[m] ?? 'blank' } : {}) }))
      .sort((a, b) => a.la.localeCompare(b.la)),
    [m],
  );
}

/** Two measures per council in `year` (optionally one region), for Scatter: {la, region, x, y}. Councils missing either are left out (say so in notes). */
export function councilPairs(xm: MeasureId, ym: MeasureId, year: number, opts: { region?: string } = {}): Row[] {
  checkMeasure(xm);
  checkMeasure(ym);
  const region = opts.region ? areaCode(opts.region).code : undefined;
  return tag(
    getPanel()
      .rows.filter((r) => r.year === year && (!region || r.region_code === region) && r[xm] !== null && r[ym] !== null)
      .map((r) => ({ la: r.la_name, region: r.region, x: r[xm], y: r[ym] })),
    [ym, xm],
  );
}

/** Story charts name the blocks (contract/measures.ts SPEND_BLOCK_MEASURES, those in the panel) more briefly than council pages. */
const SERVICE_NAMES: Record<Exclude<SpendBlockMeasure, 'spend_other_gbp'>, string> = {
  spend_cla_gbp: 'Children looked after',
  spend_safeguarding_gbp: 'Safeguarding',
  spend_family_support_gbp: 'Family support',
  spend_early_help_gbp: 'Early help',
  spend_young_people_gbp: 'Young people',
  spend_youth_justice_gbp: 'Youth justice',
};
const SERVICES: Array<[PanelNumericColumn, string]> = SPEND_BLOCK_MEASURES.flatMap((m) =>
  m === 'spend_other_gbp' ? [] : [[m, SERVICE_NAMES[m]] as [PanelNumericColumn, string]],
);

/** Spending by service for one area, cash terms: {year, service, gbp, missingReason?}. */
export function spendByService(area: AreaId, opts: { from?: number; to?: number } = {}): Row[] {
  return tag(
    SERVICES.flatMap(([m, service]) =>
      series(m, area, opts).map((r) => ({ year: r.year, service, gbp: r.value, ...(r.missingReason ? { missingReason: r.missingReason } : {}) })),
    ),
    SERVICES.map(([m]) => m),
  );
}

/** Councils by Ofsted overall judgement in force at 31 March: {year, grade, councils}. Councils never inspected are left out. */
export function ofstedCounts(years: number[]): Row[] {
  const grades = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'];
  const rows = years.flatMap((year) => {
    const rows = getPanel().rows.filter((r) => r.year === year);
    if (!rows.length) throw new Error(`ofstedCounts: no council rows for ${year}.`);
    return grades.map((grade) => ({ year, grade, councils: rows.filter((r) => r.ofsted_overall === grade).length }));
  });
  return tag(rows, ['ofsted_overall']);
}
