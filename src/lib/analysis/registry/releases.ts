/**
 * When each kind of figure first became public, to decide what a speaker
 * could have known on the day they spoke. Ofsted reports carry their own
 * publication dates (inspections.json); the two statistical releases below
 * come out on a regular calendar, recorded here as data:
 * - children looked after at 31 March Y: DfE's release at the end of
 *   September Y (SFR50/2017 came out on 28 September 2017);
 * - Section 251 outturn for the financial year ending 31 March Y: published
 *   in the December after the year ends (DfE's "LA and school expenditure").
 */
export const RELEASE_CALENDAR = {
  childrenLookedAfter: { month: 9, day: 28 },
  spendOutturn: { month: 12, day: 15 },
} as const;

/** ISO date on which figures for the year ending 31 March `year` were first published. */
export function firstPublishedOn(kind: keyof typeof RELEASE_CALENDAR, year: number): string {
  const { month, day } = RELEASE_CALENDAR[kind];
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A claim date (YYYY, YYYY-MM or YYYY-MM-DD) as the last day it can mean, for "known by" comparisons. */
export function claimDateEnd(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  throw new Error(`Claim date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD.`);
}
