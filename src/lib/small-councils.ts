/**
 * The small-councils policy, one rule for the whole site (data/small-councils.json):
 * the City of London and the Isles of Scilly are left out of ranks, medians, map
 * colour scales, the anomaly screen and cross-council analyses, and shown with
 * their own figures and SMALL_COUNCILS_CAVEAT.
 */
import policy from '../../data/small-councils.json';

export const SMALL_COUNCIL_CODES: ReadonlySet<string> = new Set(policy.councils.map((c) => c.code));
export const SMALL_COUNCILS: Readonly<Record<string, string>> = Object.fromEntries(policy.councils.map((c) => [c.code, c.name]));
export const SMALL_COUNCILS_CAVEAT: string = policy.caveat;

export function isSmallCouncil(code: string): boolean {
  return SMALL_COUNCIL_CODES.has(code);
}
