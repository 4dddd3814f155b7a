/**
 * LA names → E-codes for Ofsted tables that print names only (ofsted-csc-2023).
 *
 * The lookup is built from ofsted-outcomes-2025, which prints code and name
 * for every current LA and for the three that no longer exist (Bournemouth,
 * Cumbria, Northamptonshire), plus a short list of spellings that differ.
 * Names are compared by their nameKey (contract/names.ts).
 *
 * Table 11 of the 2023 file lists LAs "that existed before the restructure":
 * there "Dorset" is the old county (E10000009), not today's Dorset unitary
 * (E06000059), so that table has its own fixed codes.
 */
import { nameKey } from '../../../../contract/names.ts';
import type { NameResolver } from './inspection-history.ts';

export { nameKey };

/** Spellings in ofsted-csc-2023 that differ from ofsted-outcomes-2025 after nameKey. */
export const NAME_ALIASES: Readonly<Record<string, string>> = {
  'bedford borough': 'bedford',
};

/** Table 11 (pre-restructure LAs): GSS codes of the councils as they were. */
export const PRE_RESTRUCTURE_CODES: Readonly<Record<string, string>> = {
  bournemouth: 'E06000028',
  poole: 'E06000029',
  dorset: 'E10000009',
  northamptonshire: 'E10000021',
};

export function makeNameResolver(pairs: Iterable<{ la_code: string; la_name: string }>): NameResolver {
  const byName = new Map<string, string>();
  for (const p of pairs) {
    const k = nameKey(p.la_name);
    const prev = byName.get(k);
    if (prev !== undefined && prev !== p.la_code) throw new Error(`LA name "${p.la_name}" has two codes, ${prev} and ${p.la_code}`);
    byName.set(k, p.la_code);
  }
  return (name, table) => {
    const k = nameKey(name);
    if (table === 'pre-restructure') return PRE_RESTRUCTURE_CODES[k];
    return byName.get(NAME_ALIASES[k] ?? k);
  };
}
