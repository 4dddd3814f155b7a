/**
 * One geography of upper-tier local authorities (the councils responsible for
 * children's services) for every year ending 31 March, 2010 to 2025.
 *
 * MODEL
 *   - A COUNCIL (LaInfo) is one children's services authority over time. If
 *     only its GSS code changed, it is one council whose series continues:
 *     Gateshead and Northumberland (new codes 1 April 2013), Buckinghamshire
 *     (E10000002 → E06000060, 1 April 2020), North Yorkshire and Somerset
 *     (E10 → E06, 1 April 2023), Barnsley and Sheffield (ONS recodes in 2025,
 *     not used by DfE for 2025). The rule, read from DfE's lookup: rows of
 *     lookups/las.csv that share a DfE three-digit code are one council, and
 *     ONS "new_code" changes add alias codes. Its CANONICAL CODE is the code in
 *     force on the last 31 March it existed (≤ 2025), which is the code DfE
 *     publishes.
 *   - A council EXISTS IN YEAR Y if one of its codes was in operation on
 *     31 March Y (date_of_operation ≤ 31/03/Y ≤ date_of_termination). Councils
 *     created on 1 April Y first report for year Y+1 (BCP: created 1 April 2019,
 *     first year 2020). This gives 152 councils in 2010–2019, 151 in 2020–2021,
 *     152 in 2022–2023 and 153 in 2024–2025.
 *   - Real reorganisations (a council abolished and replaced by others) are in
 *     ../geography/reorganisations.ts, checked against the lookup: Bournemouth,
 *     Poole and Dorset County → BCP and Dorset (2020); Northamptonshire → North
 *     and West Northamptonshire (2022); Cumbria → Cumberland and Westmorland and
 *     Furness (2024). Nothing changed at upper tier between 31 March 2010 and
 *     31 March 2019: the 2009 reorganisation (Cornwall, Durham, Bedfordshire,
 *     Cheshire, Shropshire, Wiltshire, Northumberland) took effect on 1 April
 *     2009, before year 2010. (Isles of Scilly is absent from the CLA SFR files
 *     from 2011 on because its figures were not published, not because it
 *     ceased to be a council.)
 *   - RESOLVE: a source's identifier for a year (GSS code of any vintage, DfE
 *     three-digit code, or a name as a last resort) → the council. Codes and
 *     three-digit codes identify a council on their own (DfE's 2025 files label
 *     North Yorkshire E06000065 in every year back to 2021); the year breaks
 *     ties between councils that share a name ("Dorset" is the county council
 *     up to 2019 and the unitary council from 2020). Resolve identifies; it
 *     does not say the council existed that year: use existsIn for that (DfE
 *     files carry "z" rows for abolished councils in later years).
 *   - STATISTICAL NEIGHBOURS: DfE's April 2021 groupings, mapped to canonical
 *     codes, closest first, as published (a neighbour may be a council that has
 *     since been abolished, e.g. Cumbria; filter with existsIn if you need
 *     councils that report in a given year). Councils abolished before 2021 get
 *     the "Old SNs" groupings DfE kept for them. Cumberland and Westmorland and
 *     Furness have NO official neighbours (they postdate the groupings): their
 *     list is empty; we do not invent one.
 */
import { nameKey as baseNameKey } from '../../../contract/names.ts';
import type { SourceFiles } from '../core/acquire.ts';
import { DataError, type DataErrorLocation } from '../core/errors.ts';
import { slugify } from '../../../contract/codes.ts';
import type { LaInfo } from '../../../contract/outputs.ts';
import { parseDfeLas, parseGias, parseMySociety, parseOnsRecodes, type DfeLaRow, type MySocietyRow } from '../geography/lookups.ts';
import { CODE_CHANGE_NOTES, EXTRA_ALIASES, NAME_OVERRIDES, REGIONS, REORGANISATIONS, type Reorganisation } from '../geography/reorganisations.ts';
import { parseStatNeighbours } from './neighbours.ts';

/** The geography is modelled from 31 March 2010 (the panel's first year; a fact about the past). */
export const FIRST_YEAR = 2010;

/**
 * The default last year of the geography when the caller does not pass one:
 * the latest year the lookups' own releases describe (the newest four-digit
 * year in the manifest `release` of the geography family's files). The pipeline
 * passes the panel's last year, read from the data (derive/panel.ts panelYears).
 */
export function lookupsLastYear(files: SourceFiles): number {
  let last = FIRST_YEAR;
  for (const f of files.values()) {
    if (f.entry.family !== 'geography') continue;
    const m = /(\d{4})/.exec(f.entry.release);
    if (m) last = Math.max(last, Number(m[1]));
  }
  return last;
}

export interface LaRef {
  code?: string;
  oldCode?: string;
  name?: string;
}

export interface Geography {
  /** The last year (ending 31 March) modelled: the panel's last year, read from the data. */
  lastYear: number;
  /** Every upper-tier council that existed on any 31 March 2010–2025, sorted by name. */
  las: LaInfo[];
  regions: Array<{ code: string; name: string }>;
  /** The council a source means by `ref` in `year`; throws a DataError (located by `where`) if it cannot tell. */
  resolve(ref: LaRef, year: number, where?: DataErrorLocation): LaInfo;
  /** resolve(...).code: makes a Geography usable as harmonise.ts's LaResolver. */
  resolveCode(ref: LaRef, year: number): string;
  /** Like resolve, but undefined instead of an error for an unknown identifier (ambiguity still throws). */
  tryResolve(ref: LaRef, year: number): LaInfo | undefined;
  /** Did the council with this code (any vintage) exist on 31 March of `year`? */
  existsIn(code: string, year: number): boolean;
  /** Councils existing on 31 March of `year`. */
  lasIn(year: number): LaInfo[];
  /** The council with this canonical code. */
  byCode(code: string): LaInfo | undefined;
  /** Every GSS code a council has been known by (canonical first). */
  codesOf(code: string): string[];
}

const SOURCE = 'lookup-dfe-las';

function existsOn(row: DfeLaRow, year: number): boolean {
  const d = year * 10000 + 331;
  return row.operation <= d && (row.termination === null || row.termination >= d);
}

/**
 * Name key for matching (contract/names.ts: case, accents, "&", punctuation and "St." spellings do
 * not matter), after dropping the DfE lookup's "pre-LGR 2019 " prefix and "(pre LG)" suffix.
 */
export function nameKey(name: string): string {
  return baseNameKey(name.replace(/^\s*pre-lgr \d{4}\s+/i, '').replace(/\(pre lg\)/i, ''));
}

function typeOf(code: string): LaInfo['type'] {
  switch (code.slice(0, 3)) {
    case 'E06':
      return 'unitary';
    case 'E08':
      return 'metropolitan';
    case 'E09':
      return 'london';
    default:
      return 'county';
  }
}

interface Built {
  info: LaInfo;
  codes: string[];
  yearsIn: Set<number>;
}

export interface GeographyOptions {
  /**
   * Minimum rows per lookup, below which a file counts as truncated. The
   * defaults suit the real files; unit tests with small fixtures lower them.
   */
  minRows?: { dfe?: number; gias?: number; mysociety?: number; changes?: number; neighbours?: number };
  /** Last year (ending 31 March) to model: the panel's last year, from the data (default: lookupsLastYear). */
  lastYear?: number;
  /** The reorganisations to apply (default: REORGANISATIONS); tests of unrelated modules pass []. */
  reorganisations?: readonly Reorganisation[];
}

export function loadGeography(files: SourceFiles, opts: GeographyOptions = {}): Geography {
  const LAST_YEAR = opts.lastYear ?? lookupsLastYear(files);
  const years = (): number[] => Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const m = opts.minRows ?? {};
  const dfe = parseDfeLas(files, 'lookup-dfe-las', m.dfe);
  const gias = parseGias(files, 'lookup-gias-la-codes', m.gias);
  const mysoc = parseMySociety(files, 'lookup-mysociety-las', m.mysociety);
  const recodes = parseOnsRecodes(files, 'lookup-ons-changes', m.changes);
  const sn = parseStatNeighbours(files, m.neighbours);
  const err = (problem: string, value?: unknown, hint?: string) =>
    new DataError({ source: SOURCE, file: 'lookups/las.csv', ...(value !== undefined ? { value } : {}) }, problem, hint);

  // 1. Group code rows into councils by DfE three-digit code.
  const groups = new Map<string, DfeLaRow[]>();
  for (const row of dfe.las) {
    if (!years().some((y) => existsOn(row, y))) continue; // pre-2009 counties
    if (row.oldCode === null) throw err(`council ${row.code} ${row.name} existed after 2009 but has no three-digit code`, row.code);
    const g = groups.get(row.oldCode) ?? [];
    g.push(row);
    groups.set(row.oldCode, g);
  }

  const regionName = new Map(REGIONS.map((r) => [r.code, r.name]));
  const mysocByCode = new Map<string, MySocietyRow>();
  for (const m of mysoc) {
    mysocByCode.set(m.code, m);
    for (const c of m.formerCodes) if (!mysocByCode.has(c)) mysocByCode.set(c, m);
  }

  const built: Built[] = [];
  for (const [oldCode, rows] of groups) {
    rows.sort((a, b) => a.operation - b.operation);
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1]!;
      if (prev.termination === null || prev.termination >= rows[i]!.operation) {
        throw err(`codes ${prev.code} and ${rows[i]!.code} share three-digit code ${oldCode} but overlap in time`, oldCode);
      }
    }
    const canonical = [...rows].reverse().find((r) => years().some((y) => existsOn(r, y)))!;
    const yearsIn = new Set(years().filter((y) => rows.some((r) => existsOn(r, y))));
    const ys = [...yearsIn].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) {
      if (ys[i]! !== ys[i - 1]! + 1) throw err(`council ${oldCode} has a gap in its years of operation`, oldCode);
    }
    const codes = [canonical.code, ...rows.map((r) => r.code).filter((c) => c !== canonical.code)];
    for (const rc of recodes) if (codes.includes(rc.oldCode) && !codes.includes(rc.newCode)) codes.push(rc.newCode);
    const region = regionName.get(canonical.regionCode);
    if (region === undefined) throw err(`unknown region ${canonical.regionCode} for ${canonical.code}`, canonical.regionCode);
    const current = canonical.termination === null || canonical.termination >= LAST_YEAR * 10000 + 331;
    const ms = codes.map((c) => mysocByCode.get(c)).find((m) => m !== undefined);
    const name = NAME_OVERRIDES[canonical.code] ?? canonical.name;
    built.push({
      codes,
      yearsIn,
      info: {
        code: canonical.code,
        oldCode,
        name,
        slug: '',
        aliases: [],
        regionCode: canonical.regionCode,
        region,
        type: typeOf(canonical.code),
        status: current ? 'current' : 'former',
        firstYear: ys[0]!,
        lastYear: current ? null : ys[ys.length - 1]!,
        predecessors: [],
        successors: [],
        reorganisation: CODE_CHANGE_NOTES[canonical.code] ?? null,
        statisticalNeighbours: [],
      },
    });
    // Slug and aliases need the mySociety names.
    const b = built[built.length - 1]!;
    const base = slugify(NAME_OVERRIDES[canonical.code] ?? ms?.niceName.replace(/\s+Council$/, '') ?? canonical.name);
    b.info.slug = current ? base : `${base}-to-${b.info.lastYear}`;
    const candidates = [
      ...(EXTRA_ALIASES[canonical.code] ?? []),
      ...(ms ? [ms.niceName, ms.officialName, ...ms.altNames.filter((a) => a !== a.toLowerCase() && !/\bUA$/.test(a))] : []),
      ...rows.map((r) => r.name),
    ];
    const seen = new Set([nameKey(name)]);
    for (const a of candidates) {
      const k = nameKey(a);
      if (k === '' || seen.has(k)) continue;
      seen.add(k);
      b.info.aliases.push(a);
    }
  }

  const byCode = new Map<string, Built>();
  for (const b of built)
    for (const c of b.codes) {
      if (byCode.has(c)) throw err(`code ${c} belongs to two councils`, c);
      byCode.set(c, b);
    }
  const byOld = new Map(built.map((b) => [b.info.oldCode, b]));

  // 2. Reorganisations, checked against the lookup.
  for (const reorg of opts.reorganisations ?? REORGANISATIONS) {
    const get = (c: string) => {
      const b = byCode.get(c);
      if (!b || b.info.code !== c)
        throw err(
          `reorganisation of ${reorg.year} names ${c}, which is not a council's canonical code in the lookup`,
          c,
          'fix scripts/data/geography/reorganisations.ts',
        );
      return b;
    };
    const from = reorg.from.map(get);
    const to = reorg.to.map(get);
    for (const f of from) {
      if (f.info.lastYear !== reorg.year - 1)
        throw err(`${f.info.name} should last report in ${reorg.year - 1} but the lookup says ${f.info.lastYear}`, f.info.code);
      f.info.successors = [...reorg.to];
      f.info.reorganisation = reorg.note;
    }
    for (const t of to) {
      if (t.info.firstYear !== reorg.year)
        throw err(`${t.info.name} should first report in ${reorg.year} but the lookup says ${t.info.firstYear}`, t.info.code);
      t.info.predecessors = [...reorg.from];
      t.info.reorganisation = reorg.note;
    }
  }

  // 3. Slugs must be unique.
  const slugs = new Map<string, string>();
  for (const b of built) {
    const other = slugs.get(b.info.slug);
    if (other) throw err(`slug "${b.info.slug}" is used by both ${other} and ${b.info.code}`, b.info.slug, 'add a NAME_OVERRIDES entry');
    slugs.set(b.info.slug, b.info.code);
  }

  // 4. Cross-check GIAS three-digit ↔ GSS pairs against DfE's lookup.
  for (const g of gias) {
    if (g.code === '') continue;
    const b = byOld.get(g.oldCode);
    if (b && !b.codes.includes(g.code)) {
      throw new DataError(
        { source: 'lookup-gias-la-codes', value: `${g.oldCode} ${g.code}` },
        `GIAS pairs ${g.oldCode} with ${g.code} but DfE's lookup gives ${b.codes.join(', ')}`,
      );
    }
  }

  // 5. Name index (for last-resort matching).
  const byName = new Map<string, Set<Built>>();
  const addName = (n: string, b: Built) => {
    const k = nameKey(n);
    if (k === '') return;
    const s = byName.get(k) ?? new Set<Built>();
    s.add(b);
    byName.set(k, s);
  };
  for (const b of built) {
    addName(b.info.name, b);
    for (const a of b.info.aliases) addName(a, b);
    const ms = b.codes.map((c) => mysocByCode.get(c)).find((m) => m !== undefined);
    for (const a of ms?.altNames ?? []) addName(a, b);
  }
  for (const g of gias) {
    const b = byOld.get(g.oldCode);
    if (b) addName(g.name, b);
  }

  // 6. Statistical neighbours.
  const snOf = new Map<string, string[]>();
  for (const r of sn.former) snOf.set(r.oldCode, r.neighbours);
  for (const r of sn.current) snOf.set(r.oldCode, r.neighbours);
  for (const r of [...sn.current, ...sn.former]) {
    if (!byOld.has(r.oldCode)) {
      throw new DataError({ source: sn.source, column: 'LA num', value: r.oldCode }, `council ${r.oldCode} ${r.name} is not in DfE's LA lookup`);
    }
  }
  for (const b of built) {
    b.info.statisticalNeighbours = (snOf.get(b.info.oldCode) ?? []).map((n) => {
      const nb = byOld.get(n);
      if (!nb) throw new DataError({ source: sn.source, column: 'SN', value: n }, `neighbour ${n} of ${b.info.oldCode} is not in DfE's LA lookup`);
      return nb.info.code;
    });
  }

  // 7. Joint-reporting identifiers, which cannot be one council.
  const joint = new Map<string, string>();
  for (const j of dfe.joint) {
    joint.set(j.codes.join('/'), j.name);
    joint.set(j.oldCodes.join('/'), j.name);
  }

  built.sort((a, b) => a.info.name.localeCompare(b.info.name, 'en') || a.info.firstYear - b.info.firstYear);
  const las = built.map((b) => b.info);
  const infoByCode = new Map(las.map((l) => [l.code, l]));

  function checkYear(year: number, where?: DataErrorLocation): void {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new DataError(
        { source: where?.source ?? 'geography', ...where, value: year },
        `year ${year} is outside the geography's range ${FIRST_YEAR}–${LAST_YEAR} (years ending 31 March)`,
      );
    }
  }

  function find(ref: LaRef, year: number, where?: DataErrorLocation): Built | undefined {
    checkYear(year, where);
    const fail = (problem: string, value: unknown, hint?: string) => new DataError({ source: where?.source ?? 'geography', ...where, value }, problem, hint);
    const code = ref.code?.trim().toUpperCase();
    const old = ref.oldCode?.trim();
    let byC: Built | undefined;
    let byO: Built | undefined;
    if (code) {
      const j = joint.get(code.replace(/\s+/g, ''));
      if (j) throw fail(`"${code}" is a joint-reporting row (${j}), not one council`, code, 'split or skip joint rows before resolving');
      byC = byCode.get(code);
    }
    if (old) {
      const j = joint.get(old.replace(/\s+/g, ''));
      if (j) throw fail(`"${old}" is a joint-reporting row (${j}), not one council`, old, 'split or skip joint rows before resolving');
      byO = byOld.get(old);
    }
    if (byC && byO && byC !== byO) {
      throw fail(`code ${code} is ${byC.info.name} but three-digit code ${old} is ${byO.info.name}`, `${code} / ${old}`);
    }
    if (byC ?? byO) return byC ?? byO;
    if (ref.name) {
      const set = byName.get(nameKey(ref.name));
      if (set && set.size > 0) {
        const all = [...set];
        const live = all.filter((b) => b.yearsIn.has(year));
        if (live.length === 1) return live[0];
        if (live.length === 0 && all.length === 1) return all[0];
        throw fail(`name "${ref.name}" matches ${all.map((b) => `${b.info.name} (${b.info.code})`).join(' and ')} in ${year}`, ref.name, 'give a code');
      }
    }
    return undefined;
  }

  const geography: Geography = {
    lastYear: LAST_YEAR,
    las,
    regions: REGIONS.map((r) => ({ ...r })),
    resolve(ref, year, where) {
      const b = find(ref, year, where);
      if (!b) {
        const what = [ref.code && `code "${ref.code}"`, ref.oldCode && `three-digit code "${ref.oldCode}"`, ref.name && `name "${ref.name}"`]
          .filter(Boolean)
          .join(', ');
        throw new DataError(
          { source: where?.source ?? 'geography', ...where, value: ref.code ?? ref.oldCode ?? ref.name },
          `cannot resolve ${what || 'an empty reference'} in ${year} to an upper-tier council`,
          'if this is a new council or code, update the lookups (data/sources.json) or scripts/data/geography/reorganisations.ts',
        );
      }
      return b.info;
    },
    resolveCode(ref, year) {
      return geography.resolve(ref, year).code;
    },
    tryResolve(ref, year) {
      return find(ref, year)?.info;
    },
    existsIn(code, year) {
      const b = byCode.get(code.trim().toUpperCase());
      return b !== undefined && b.yearsIn.has(year);
    },
    lasIn(year) {
      checkYear(year);
      return built.filter((b) => b.yearsIn.has(year)).map((b) => b.info);
    },
    byCode(code) {
      return infoByCode.get(code);
    },
    codesOf(code) {
      return [...(byCode.get(code)?.codes ?? [])];
    },
  };
  return geography;
}
