/**
 * Years written in code are facts about the past, each listed with its reason in docs/releases.md
 * ("Years written in code"); a year that moves with new releases is read from the data or the
 * manifest (issue: a new release is data, not code). See tests/support/literal-years.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literalYears, readRegister, scanLiteralYears, withoutComments } from '../../support/literal-years.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const REGISTER = 'docs/releases.md';

describe('the scan', () => {
  it('finds years and year-bearing ids in code, not in comments or glued to words', () => {
    const code = [
      '// LAST_YEAR = 2025 in a comment',
      '/* 2026 in a block */',
      "const LAST_YEAR = 2025; const fy = '2023-24';",
      "const id = 'cla-ees-2025'; const other = 'cla-ees-2024-x'; const svg = 'http://www.w3.org/2000/svg';",
      'const n = x2019 + 2019a;',
    ].join('\n');
    expect(literalYears(code, ['cla-ees-2025'])).toEqual(['2023', '2025', 'cla-ees-2025']);
  });
  it('keeps line numbers when it blanks comments', () => {
    expect(withoutComments('a\n/* x\ny */\nb').split('\n')).toHaveLength(4);
  });
});

describe('every year written in code is a listed fact about the past', () => {
  const found = scanLiteralYears(ROOT);
  const register = readRegister(readFileSync(`${ROOT}/${REGISTER}`, 'utf8'));

  it('the register has a reason for every file with a year in its code', () => {
    const problems: string[] = [];
    for (const [file, tokens] of found) {
      const row = register.get(file);
      const unlisted = tokens.filter((t) => !row?.tokens.includes(t));
      if (unlisted.length)
        problems.push(
          `${file}: ${unlisted.join(', ')} written in code but not listed for this file in ${REGISTER} ("Years written in code"). Read the year from the data or the manifest; if it is a fact about the past, add it to the table with the reason.`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('no row of the register lists what the code no longer has', () => {
    const stale: string[] = [];
    for (const [file, row] of register) {
      const tokens = found.get(file) ?? [];
      const gone = row.tokens.filter((t) => !tokens.includes(t));
      if (gone.length) stale.push(`${REGISTER}:${row.line}: ${file} no longer writes ${gone.join(', ')}: remove them from the row (or the row)`);
      if (row.why.length < 10) stale.push(`${REGISTER}:${row.line}: ${file} has no reason`);
    }
    expect(stale).toEqual([]);
  });
});
