/**
 * Rates per 10,000 children aged 0–17, derived where the publisher printed none.
 *
 * METHOD (DfE's). rate = count / population × 10,000, where the population is
 * the ONS mid-year estimate of children aged 0–17 for mid-(Y-1), which
 * sources/population.ts already files under year Y. So counts and populations
 * are joined on (GSS code, year) as they stand. Derived rates are rounded to
 * one decimal place, half away from zero, as DfE prints CIN and CPP rates.
 *
 * VALIDATION. tests/official/cin.test.ts recomputes the CIN rates the 2024
 * release printed (`At31_episodes_rate`): with the population-0-17 file this
 * method reproduces every England, region and LA rate for 2013–2022 exactly.
 * For 2023 and 2024 DfE used ONS's mid-2022 and mid-2023 estimates as first
 * published (England mid-2023: 11,998,646, the denominator the CLA 2024 release
 * prints), not the July 2025 revisions now in the population file (12,059,476);
 * with those first-published denominators, England and every LA for 2024 match
 * to 1 dp. Derived rates for 2023 and 2024 therefore use the revised
 * denominators and can differ by a few tenths from rates DfE printed at the
 * time (England CIN 2024: 331.2 derived v 332.9 printed).
 *
 * WHERE. `deriveRates` only fills keys (code, year) that have no published
 * rate: CPP rates (d5 prints none) and CIN rates for 2025 (the 2025 b1 file
 * prints none). A published rate is never overwritten by a derived one.
 *
 * MISSING. A missing count gives a missing rate with the count's reason (a
 * suppressed count stays "suppressed"); a missing or absent population gives
 * "no_denominator".
 */
import { isMissing, missing, type Value } from '../../../contract/missing.ts';
import type { MeasureId, Observation } from '../core/types.ts';

/** count / population × 10,000, unrounded. Pure. */
export function ratePer10k(count: Value, population: Value): Value {
  if (isMissing(count)) return count;
  if (isMissing(population)) return missing('no_denominator');
  if (!(count >= 0)) throw new RangeError(`a count must be zero or more to make a rate (got ${count})`);
  if (!(population > 0)) throw new RangeError(`a population must be positive to make a rate (got ${population})`);
  return (count / population) * 10_000;
}

/**
 * Round half away from zero as a person would on the printed decimal (332.85 →
 * 332.9), not on its binary approximation (332.849999…): the scaled value is
 * first cut to 15 significant digits, which removes representation error.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const scaled = Number((Math.abs(x) * 10 ** decimals).toPrecision(15));
  const r = Math.round(scaled) / 10 ** decimals;
  return x < 0 && r !== 0 ? -r : r;
}

export function roundValue(v: Value, decimals: number): Value {
  return isMissing(v) ? v : roundTo(v, decimals);
}

export interface RateSpec {
  countMeasure: MeasureId;
  rateMeasure: MeasureId;
  /** Rates the publisher printed, for the same measure; their (code, year) keys are not derived. */
  published?: readonly Observation[];
  /** Decimal places of the derived rate (DfE prints CIN and CPP rates to 1 dp). */
  decimals?: number;
}

/** Basis label of a derived rate. */
export const DERIVED_BASIS = 'derived:count/population-0-17x10000';

function keyOf(o: Observation): string {
  if (o.code === undefined) {
    throw new Error(
      `cannot derive a rate for ${o.measure} ${o.name} ${o.year} (source ${o.source}): the observation has no GSS code to join the population on`,
    );
  }
  return `${o.code}|${o.year}`;
}

/** Per key, the observation of the latest release. */
function latestByKey(obs: readonly Observation[], measure: MeasureId): Map<string, Observation> {
  const out = new Map<string, Observation>();
  for (const o of obs) {
    if (o.measure !== measure) continue;
    const k = keyOf(o);
    const prev = out.get(k);
    if (prev === undefined || o.releaseOrder > prev.releaseOrder) out.set(k, o);
    else if (o.releaseOrder === prev.releaseOrder && o.source !== prev.source) {
      throw new Error(`two sources (${prev.source}, ${o.source}) give ${measure} for ${o.code} ${o.year} in the same release order ${o.releaseOrder}`);
    }
  }
  return out;
}

/**
 * Rate observations for every count (latest release per code and year) that has
 * no published rate. Each derived rate keeps the count's geography, source and
 * release (so a later count release yields a later rate) and carries basis
 * DERIVED_BASIS.
 */
export function deriveRates(counts: readonly Observation[], population: readonly Observation[], spec: RateSpec): Observation[] {
  const pop = latestByKey(population, 'population_0_17');
  const publishedKeys = new Set((spec.published ?? []).filter((o) => o.measure === spec.rateMeasure).map(keyOf));
  const decimals = spec.decimals ?? 1;
  const out: Observation[] = [];
  for (const [k, c] of latestByKey(counts, spec.countMeasure)) {
    if (publishedKeys.has(k)) continue;
    const p = pop.get(k);
    const value = roundValue(ratePer10k(c.value, p === undefined ? missing('no_denominator') : p.value), decimals);
    out.push({
      measure: spec.rateMeasure,
      level: c.level,
      ...(c.code !== undefined ? { code: c.code } : {}),
      ...(c.oldCode !== undefined ? { oldCode: c.oldCode } : {}),
      name: c.name,
      year: c.year,
      value,
      source: c.source,
      release: c.release,
      releaseOrder: c.releaseOrder,
      basis: DERIVED_BASIS,
    });
  }
  return out;
}
