/** The golden update mode writes a reviewable diff: the diff and its per-file summary, checked on made-up folders. */
import { describe, expect, it } from 'vitest';
import { goldenDiff, prefixPatch } from './update.ts';

const before = new Map([
  ['same.json', Buffer.from('{"a":1}\n')],
  ['changed.csv', Buffer.from('x,y\n1,2\n3,4\n')],
  ['gone.md', Buffer.from('old\n')],
]);
const after = new Map([
  ['same.json', '{"a":1}\n'],
  ['changed.csv', 'x,y\n1,2\n3,5\n'],
  ['geo/new.json', '{}\n'],
]);

describe('golden update: a reviewable diff, not a silent overwrite', () => {
  it('lists changed, added and removed files with their line counts, and a unified diff', () => {
    const { text, summary } = goldenDiff(before, after);
    expect(summary).toEqual(['  changed.csv: +1 −1 lines', '  geo/new.json: +1 −0 lines', '  gone.md: +0 −1 lines']);
    expect(text).toContain('-3,4\n+3,5\n');
    expect(text).not.toContain('same.json');
  });

  it('an unchanged folder gives an empty diff and no summary lines', () => {
    expect(goldenDiff(before, before)).toEqual({ text: '', summary: [] });
  });

  it("a case's patch names its folder in every path, so the cases' diffs make one file that `patch -p1` applies", () => {
    const p = prefixPatch(goldenDiff(before, after), 'tests/golden/cases/x/expected');
    expect(p.summary[0]).toBe('  tests/golden/cases/x/expected/changed.csv: +1 −1 lines');
    expect(p.text).toMatch(/^diff -ruN a\/tests\/golden\/cases\/x\/expected\/changed\.csv b\/tests\/golden\/cases\/x\/expected\/changed\.csv$/m);
    expect(p.text).toMatch(/^--- a\/tests\/golden\/cases\/x\/expected\/changed\.csv\t/m);
    expect(p.text).toMatch(/^\+\+\+ b\/tests\/golden\/cases\/x\/expected\/changed\.csv\t/m);
  });
});
