/**
 * The place index behind "find a council": every name a reader might type for a
 * part of England (a council, a former council, a district of a two-tier county,
 * a former district) and the CURRENT upper-tier council(s) responsible for
 * children's services there. Published as data/output/places.json; the site's
 * search box matches against it (src/lib/search/places.ts).
 *
 * Every name comes from a file in the manifest:
 *   - councils and former councils, with their aliases: the geography
 *     (sources/geography.ts: DfE's las.csv, GIAS and mySociety names, and the
 *     documented extra aliases in geography/reorganisations.ts);
 *   - districts in force: ONS "LTLA to UTLA (April 2023)" (lookup-ltla-utla-2023),
 *     each district → its county or unitary council;
 *   - former districts: ONS "LAD to county (April 2021)" (lookup-lad-county-2021)
 *     and the 2014 LTLA lookup (lookup-ltla14). A district that no longer exists
 *     is followed through the ONS code changes (lookup-ons-changes, type
 *     "merger") to the district or council that absorbed it: Harrogate →
 *     North Yorkshire (2023), Kettering → North Northamptonshire (2021),
 *     Taunton Deane → Somerset West and Taunton (2019) → Somerset (2023).
 *     Where no merger row names it, the district's county in that lookup is
 *     used, resolved to today's council (a recoded county is the same council).
 *
 * A former upper-tier council leads to its successors: the council named by its
 * ONS merger row where there is one (Bournemouth → BCP), otherwise the
 * successors of its reorganisation (Cumbria → Cumberland, Westmorland and Furness).
 *
 * Checks (DataError naming file, row, column and value): every English district
 * and every former council must reach a current council; a district's county
 * must be a council of the geography.
 */
import { readCsv } from '../core/csv.ts';
import { fileOf, type SourceFiles } from '../core/acquire.ts';
import { DataError } from '../core/errors.ts';
import type { Table } from '../core/table.ts';
import type { Geography } from '../sources/geography.ts';
import type { PlaceInfo } from '../../../contract/outputs.ts';

export const PLACE_SOURCES = {
  ltla23: 'lookup-ltla-utla-2023',
  lad21: 'lookup-lad-county-2021',
  ltla14: 'lookup-ltla14',
  changes: 'lookup-ons-changes',
} as const;

export interface PlacesOptions {
  /** Minimum rows per lookup (real files; fixtures pass 1). */
  minRows?: number;
}

function table(files: SourceFiles, id: string, minRows: number): Table {
  const f = fileOf(files, id);
  return readCsv(f.bytes, { source: id, file: f.entry.path, encoding: f.entry.encoding ?? 'utf-8', minRows });
}

const DISTRICT = /^E07\d{6}$/;
const ENGLISH_AREA = /^E0[6-9]\d{6}$|^E10\d{6}$/;

interface DistrictRow {
  code: string;
  name: string;
  /** The county or unitary code the lookup gives for it. */
  parent: string;
  source: string;
  table: Table;
  row: number;
  parentColumn: string;
}

export function buildPlaces(files: SourceFiles, geography: Geography, opts: PlacesOptions = {}): PlaceInfo[] {
  const min = opts.minRows ?? 100;
  const t23 = table(files, PLACE_SOURCES.ltla23, min);
  t23.requireColumns(['LTLA23CD', 'LTLA23NM', 'UTLA23CD']);
  const t21 = table(files, PLACE_SOURCES.lad21, Math.min(min, 1));
  t21.requireColumns(['LAD21CD', 'LAD21NM', 'CTY21CD']);
  const t14 = table(files, PLACE_SOURCES.ltla14, min);
  t14.requireColumns(['ltlacd', 'ltlanm', 'ctycd']);
  const tch = table(files, PLACE_SOURCES.changes, Math.min(min, 20));
  tch.requireColumns(['oldcd', 'newcd', 'type']);

  const current = new Map(geography.las.filter((l) => l.status === 'current').map((l) => [l.code, l]));
  /** The current council a code of any vintage means, if it is one. */
  const currentCouncil = (code: string): string | undefined => {
    for (const l of current.values()) if (geography.codesOf(l.code).includes(code)) return l.code;
    return undefined;
  };

  // Mergers: old code → the code that absorbed it.
  const merged = new Map<string, string>();
  for (let r = 0; r < tch.rows.length; r++) {
    if (tch.text(r, 'type') !== 'merger') continue;
    const o = tch.text(r, 'oldcd');
    const n = tch.text(r, 'newcd');
    if (!o.startsWith('E0') && !o.startsWith('E1')) continue;
    if (!ENGLISH_AREA.test(n)) continue; // combined authorities (E47) are not councils
    merged.set(o, n);
  }

  // Districts in force (2023) → their upper-tier council.
  const districtCouncil = new Map<string, string>();
  const rows: DistrictRow[] = [];
  for (let r = 0; r < t23.rows.length; r++) {
    const code = t23.text(r, 'LTLA23CD');
    if (!code.startsWith('E')) continue;
    const parent = t23.text(r, 'UTLA23CD');
    const council = currentCouncil(parent);
    if (!council)
      throw t23.error('the upper-tier council of this district is not a current council of the geography', { row: r, column: 'UTLA23CD', value: parent });
    if (DISTRICT.test(code)) {
      districtCouncil.set(code, council);
      rows.push({ code, name: t23.text(r, 'LTLA23NM'), parent, source: PLACE_SOURCES.ltla23, table: t23, row: r, parentColumn: 'UTLA23CD' });
    }
  }
  for (let r = 0; r < t21.rows.length; r++) {
    const code = t21.text(r, 'LAD21CD');
    if (DISTRICT.test(code))
      rows.push({
        code,
        name: t21.text(r, 'LAD21NM'),
        parent: t21.text(r, 'CTY21CD'),
        source: PLACE_SOURCES.lad21,
        table: t21,
        row: r,
        parentColumn: 'CTY21CD',
      });
  }
  for (let r = 0; r < t14.rows.length; r++) {
    const code = t14.text(r, 'ltlacd');
    if (DISTRICT.test(code))
      rows.push({ code, name: t14.text(r, 'ltlanm'), parent: t14.text(r, 'ctycd'), source: PLACE_SOURCES.ltla14, table: t14, row: r, parentColumn: 'ctycd' });
  }

  /** Follow a code through mergers to a district in force or a current council. */
  const follow = (start: string): string | undefined => {
    let code = start;
    for (let i = 0; i < 10; i++) {
      const d = districtCouncil.get(code);
      if (d) return d;
      const c = currentCouncil(code);
      if (c) return c;
      const next = merged.get(code);
      if (!next) return undefined;
      code = next;
    }
    return undefined;
  };

  const places: PlaceInfo[] = [];
  const seen = new Set<string>();
  const add = (p: PlaceInfo) => {
    const k = `${p.name.toLowerCase()}|${p.councils.join(',')}`;
    if (seen.has(k)) return;
    seen.add(k);
    places.push(p);
  };

  for (const l of geography.las) {
    if (l.status === 'current') {
      for (const name of [l.name, ...l.aliases]) add({ name, kind: 'council', code: l.code, councils: [l.code], source: 'geography' });
      continue;
    }
    const viaMerger = merged.get(l.code);
    const successor = viaMerger ? follow(viaMerger) : undefined;
    const councils = successor ? [successor] : [...new Set(l.successors.map((s) => follow(s)))];
    if (councils.length === 0 || councils.some((c) => c === undefined)) {
      throw new DataError(
        { source: 'lookup-dfe-las', file: 'lookups/las.csv', column: 'new_la_code', value: l.code },
        `former council ${l.name} leads to no current council (no ONS merger row and no successors)`,
        'add its reorganisation to scripts/data/geography/reorganisations.ts',
      );
    }
    for (const name of [l.name, ...l.aliases]) add({ name, kind: 'former-council', code: l.code, councils: councils as string[], source: 'geography' });
  }

  // Each district once, from the newest lookup that has it (rows are in that order).
  const done = new Set<string>();
  for (const d of rows) {
    if (done.has(d.code)) continue;
    done.add(d.code);
    const inForce = districtCouncil.has(d.code);
    let council = follow(d.code);
    if (!council && d.parent) {
      council = currentCouncil(d.parent);
      if (!council) {
        // A county abolished since: its successors, if one council took it all.
        const former = geography.byCode(d.parent) ?? geography.las.find((l) => geography.codesOf(l.code).includes(d.parent));
        const succ = [...new Set((former?.successors ?? []).map((s) => follow(s)))];
        if (succ.length === 1 && succ[0]) council = succ[0];
      }
    }
    if (!council) {
      throw d.table.error(
        `district ${d.name} cannot be placed in a current upper-tier council (no merger row in lookups/changes.csv leads from it, and its county is not one council today)`,
        { row: d.row, column: d.parentColumn, value: `${d.code} ${d.name} → ${d.parent || '(blank)'}` },
      );
    }
    add({ name: d.name, kind: inForce ? 'district' : 'former-district', code: d.code, councils: [council], source: d.source });
  }
  return places;
}
