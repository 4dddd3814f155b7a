/**
 * Harmonisation: from observations as each source names them to one store keyed
 * by canonical geography.
 *
 * - LA observations are resolved to the canonical LA code for their year (old
 *   E-codes, three-digit DfE codes and recodes all map to one record; see
 *   docs/geography.md). A code that cannot be resolved stops the pipeline.
 * - When several releases give the same measure, basis, geography and year, the
 *   latest release (highest releaseOrder) wins; if an earlier release printed a
 *   different value, a Revision is recorded so the site can say "first
 *   published as …".
 */
import type { Revision } from '../../contract/outputs.ts';
import { ENGLAND_CODE, isRegionCode } from '../../contract/codes.ts';
import { DataError } from './core/errors.ts';
import { isMissing, type Value } from '../../contract/missing.ts';
import type { GeoLevel, MeasureId, Observation } from './core/types.ts';

export interface LaResolver {
  /** Canonical LA code for a source's reference in a year; throws if unknown. */
  resolveCode(ref: { code?: string; oldCode?: string; name?: string }, year: number): string;
  /**
   * E12 code of a region given only by name (LAIT). null means a sub-region the
   * site deliberately does not carry (Inner and Outer London); unknown names throw.
   */
  regionCode(name: string): string | null;
}

export interface StoredValue {
  value: Value;
  source: string;
  release: string;
  name: string;
}

function key(measure: MeasureId, basis: string | undefined, code: string, year: number): string {
  return `${measure}|${basis ?? ''}|${code}|${year}`;
}

export class ObservationStore {
  private readonly map = new Map<string, StoredValue & { releaseOrder: number }>();
  readonly revisions: Revision[] = [];
  /** measure|basis → level → codes seen (for listing choices in errors). */
  private readonly years = new Map<MeasureId, Set<number>>();
  /** measure → bases seen (e.g. the joint-service bases of the workforce rates). */
  private readonly bases = new Map<MeasureId, Set<string | undefined>>();

  get(measure: MeasureId, code: string, year: number, basis?: string): StoredValue | undefined {
    return this.map.get(key(measure, basis, code, year));
  }

  /** First basis in `bases` order that has a value (number or typed gap) for the cell. */
  getFirst(measure: MeasureId, code: string, year: number, bases: readonly (string | undefined)[]): (StoredValue & { basis: string | undefined }) | undefined {
    for (const b of bases) {
      const v = this.get(measure, code, year, b);
      if (v && !isMissing(v.value)) return { ...v, basis: b };
    }
    for (const b of bases) {
      const v = this.get(measure, code, year, b);
      if (v) return { ...v, basis: b };
    }
    return undefined;
  }

  basesOf(measure: MeasureId): Array<string | undefined> {
    return [...(this.bases.get(measure) ?? [])];
  }

  yearsOf(measure: MeasureId): number[] {
    return [...(this.years.get(measure) ?? [])].sort((a, b) => a - b);
  }

  put(o: Observation, code: string): void {
    const k = key(o.measure, o.basis, code, o.year);
    const prev = this.map.get(k);
    let ys = this.years.get(o.measure);
    if (!ys) this.years.set(o.measure, (ys = new Set()));
    ys.add(o.year);
    let bs = this.bases.get(o.measure);
    if (!bs) this.bases.set(o.measure, (bs = new Set()));
    bs.add(o.basis);
    const incoming = { value: o.value, source: o.source, release: o.release, name: o.name, releaseOrder: o.releaseOrder };
    if (!prev) {
      this.map.set(k, incoming);
      return;
    }
    if (prev.releaseOrder === o.releaseOrder && prev.source === o.source) {
      throw new DataError(
        { source: o.source, value: o.value },
        `two values for ${o.measure} ${o.basis ? `(${o.basis}) ` : ''}${code} ${o.year} in the same release`,
        'the source has a duplicate row, or two source rows resolve to the same council',
      );
    }
    const [older, newer] = prev.releaseOrder <= o.releaseOrder ? [prev, incoming] : [incoming, prev];
    const a = isMissing(older.value) ? null : older.value;
    const b = isMissing(newer.value) ? null : newer.value;
    if (a !== b) {
      this.revisions.push({
        measure: o.measure,
        code,
        name: newer.name,
        year: o.year,
        first: { release: older.release, value: a },
        latest: { release: newer.release, value: b },
      });
    }
    this.map.set(k, newer);
  }
}

export function canonicalCode(o: Observation, resolver: LaResolver): string | null {
  const level: GeoLevel = o.level;
  if (level === 'national') return ENGLAND_CODE;
  if (level === 'regional') {
    if (o.code && isRegionCode(o.code)) return o.code;
    try {
      return resolver.regionCode(o.name);
    } catch (e) {
      throw new DataError({ source: o.source, value: o.code ?? o.name }, `regional observation for ${o.measure} ${o.year}: ${(e as Error).message}`);
    }
  }
  try {
    return resolver.resolveCode({ ...(o.code ? { code: o.code } : {}), ...(o.oldCode ? { oldCode: o.oldCode } : {}), name: o.name }, o.year);
  } catch (e) {
    throw new DataError(
      { source: o.source, value: o.code ?? o.oldCode ?? o.name },
      `council "${o.name}" (${o.code ?? '?'} / ${o.oldCode ?? '?'}) in ${o.year} is not in the geography: ${(e as Error).message}`,
      'if this is a new or renamed council, add it to the geography (scripts/data/sources/geography.ts, docs/geography.md)',
    );
  }
}

export function harmonise(observations: Iterable<Observation>, resolver: LaResolver): ObservationStore {
  const store = new ObservationStore();
  // Earlier releases first, so revisions are recorded in publication order.
  const sorted = [...observations].sort((a, b) => a.releaseOrder - b.releaseOrder);
  for (const o of sorted) {
    const code = canonicalCode(o, resolver);
    if (code !== null) store.put(o, code);
  }
  return store;
}
