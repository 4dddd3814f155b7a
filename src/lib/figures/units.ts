/**
 * The ONE unit vocabulary for charts and figures. An editor writes one of
 * UNIT_NAMES (or an alias); anything else is an error at compile time, with
 * the nearest valid choice. A measure's own unit (la-panel.json
 * columns[].unit) maps onto the same names, so a chart of a measure needs no
 * unit at all, and a unit that contradicts the measure ("percent" on a rate
 * per 10,000) is an error rather than a chart printing "158%".
 */
import type { Unit } from '../format.ts';
import { nearestStrings } from './refs.ts';

/** What each unit means, in an editor's words. */
export const UNITS: Record<Unit, string> = {
  count: 'a count of children, councils or cases: 1,234',
  per10k: 'a rate per 10,000 children: 182',
  gbp: 'money in pounds: £82.6m',
  percent: 'a percentage, values already in per cent (45.2 → 45.2%)',
  score: 'an index score: 45.0',
  number: 'any other number (the default)',
};
export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

/** Other spellings accepted for the same units. */
export const UNIT_ALIASES: Record<string, Unit> = { '£': 'gbp', '%': 'percent', 'per 10,000': 'per10k' };

export type UnitCheck = { ok: true; unit: Unit } | { ok: false; message: string };

export function parseUnit(input: unknown): UnitCheck {
  if (typeof input === 'string') {
    if ((UNIT_NAMES as string[]).includes(input)) return { ok: true, unit: input as Unit };
    if (input in UNIT_ALIASES) return { ok: true, unit: UNIT_ALIASES[input]! };
  }
  const choices = [...UNIT_NAMES, ...Object.keys(UNIT_ALIASES)];
  const near = typeof input === 'string' ? nearestStrings(input.replace(/\s+/g, ''), choices, 2) : [];
  return {
    ok: false,
    message: `unit: ${JSON.stringify(input)} is not a unit. Use one of ${UNIT_NAMES.map((u) => `"${u}"`).join(', ')} (or leave unit out on a chart of a measure: the measure sets it).${near.length ? ` Nearest: ${near.map((n) => `"${n}"`).join(', ')}.` : ''}`,
  };
}

/**
 * The chart unit of a measure, from the unit the pipeline documents for it:
 * "children" → count, "per 10,000 children" → per10k, "£…" → gbp,
 * "proportion" → percent (the measure-first charts multiply by 100), "score" → score.
 */
export function measureUnit(documented: string | undefined): Unit {
  const u = documented ?? '';
  if (u === 'children') return 'count';
  if (u.startsWith('per 10,000')) return 'per10k';
  if (u.startsWith('£') || /^gbp\b/i.test(u)) return 'gbp';
  if (u === 'proportion') return 'percent';
  if (u === 'score') return 'score';
  return 'number';
}

/** A unit written on a chart of `measure` that contradicts the measure's own unit, or null when compatible. */
export function unitConflict(measure: string, documented: string | undefined, written: Unit): string | null {
  const own = measureUnit(documented);
  if (own === 'number' || written === own) return null;
  // A count or score may be shown as a plain number.
  if (written === 'number' && (own === 'count' || own === 'score')) return null;
  return `unit: "${written}" contradicts the measure "${measure}", which is ${documented ?? 'unitless'} (unit "${own}"): leave unit out (the measure sets it) or write unit="${own}".`;
}
