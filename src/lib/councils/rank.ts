/**
 * Ranking councils on one measure in one year, for sentences such as
 * "the highest rate in England", "joint 3rd-highest", "12th-lowest of 151".
 *
 * Model: the field is every council with a panel row for the year. Councils
 * whose value is missing (null) are NOT ranked: they are counted separately
 * (`missing`) so a sentence can say "of 151 councils with a figure". Ties use
 * standard competition ranking (1, 2, 2, 4): tied councils share the better
 * rank and are "joint". A rank is always counted from the top in the
 * direction asked ("highest" = 1 is the largest value); `describeRank` then
 * words it from whichever end is nearer, so the 150th-highest of 152 reads
 * as "3rd-lowest".
 */

export interface RankEntry {
  code: string;
  value: number | null;
}

export interface RankResult {
  /** 1 = largest value (competition rank among councils with a value). */
  fromTop: number;
  /** 1 = smallest value. */
  fromBottom: number;
  /** How many councils share this value (1 = not tied). */
  tiedWith: number;
  /** Councils with a value (the field the rank is out of). */
  of: number;
  /** Councils in the field without a value. */
  missing: number;
}

/** Competition rank of `code` among entries; null if the council has no value or is absent. */
export function rankOf(code: string, entries: readonly RankEntry[]): RankResult | null {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.code)) throw new Error(`rankOf: council ${e.code} appears twice in the field`);
    seen.add(e.code);
    if (e.value !== null && !Number.isFinite(e.value)) throw new Error(`rankOf: council ${e.code} has a non-finite value ${e.value}`);
  }
  const me = entries.find((e) => e.code === code);
  if (!me || me.value === null) return null;
  const v = me.value;
  const values = entries.map((e) => e.value).filter((x): x is number => x !== null);
  const above = values.filter((x) => x > v).length;
  const below = values.filter((x) => x < v).length;
  const tiedWith = values.filter((x) => x === v).length;
  return { fromTop: above + 1, fromBottom: below + 1, tiedWith, of: values.length, missing: entries.length - values.length };
}

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd", 113 → "113th". */
export function ordinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`ordinal: expected a positive integer, got ${n}`);
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/**
 * "highest", "joint highest", "3rd-highest", "joint 12th-lowest" — from the nearer end.
 * When every council has the same value, "joint highest". Pass `end` to force a direction.
 */
export function describeRank(r: RankResult, end?: 'highest' | 'lowest'): string {
  const useEnd = end ?? (r.fromBottom < r.fromTop ? 'lowest' : 'highest');
  const n = useEnd === 'highest' ? r.fromTop : r.fromBottom;
  const joint = r.tiedWith > 1 ? 'joint ' : '';
  return n === 1 ? `${joint}${useEnd}` : `${joint}${ordinal(n)}-${useEnd}`;
}
