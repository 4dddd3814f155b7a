/**
 * No internal notes in reader copy: every built page's visible text is checked
 * against the rules in reader-copy.ts (how the site was made, file and field
 * names, raw source ids, known bad phrasings, hyphens as minus signs).
 * The first test proves each rule catches the phrase it is for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { rules, scan, visibleText } from './reader-copy.ts';

const DIST = process.env.E2E_DIST_DIR || 'dist';
const manifest = JSON.parse(readFileSync('data/sources.json', 'utf8')) as { sources?: Array<{ id: string }> } | Array<{ id: string }>;
const SOURCE_IDS = (Array.isArray(manifest) ? manifest : (manifest.sources ?? [])).map((s) => s.id);

test('each rule catches the phrasing it is for, and passes good copy', () => {
  const rs = rules(['cla-ees-2025']);
  const bad = [
    'The 2017 figures are as given in our brief.',
    'as computed by the spending pipeline',
    'see england.json for the series',
    'england.json spendChecks.socialWorkClaim',
    'About half (LGA/Newton, five factors)',
    'SIF re-inspection inspection.',
    'rose from 10 to 10 (down 0%)',
    'Fitted least-squares line: y = 676.73 + 43.149 × x',
    'Dot strip of 151 values of rate.',
    'the correlation (ρ = -0.21) was weak',
    'Source: cla-ees-2025',
  ];
  for (const phrase of bad)
    expect(
      rs.some((r) => r.re.test(visibleText(`<p>${phrase}</p>`))),
      phrase,
    ).toBe(true);
  const good = [
    'Children looked after fell from 83,750 in 2023 to 81,770 in 2025 (down 2%).',
    'The correlation was weak (ρ = −0.21) in 2016-17 and 2017-18.',
    'SIF re-inspection published 3 May 2016.',
  ];
  for (const phrase of good)
    expect(
      rs.filter((r) => r.re.test(visibleText(`<p>${phrase}</p>`))).map((r) => r.name),
      phrase,
    ).toEqual([]);
  // Markup is not copy: attributes, scripts and code are left out.
  expect(visibleText('<a href="/data/england.json">the England series</a><script>const x = "pipeline";</script><code>la_code</code>')).not.toMatch(
    /json|pipeline|la_code/,
  );
});

test('no internal notes in any built page', () => {
  expect(existsSync(DIST), `no built site in ${DIST}/: run the build first (npm run build)`).toBe(true);
  const found = scan(DIST, SOURCE_IDS);
  const report = found.map((f) => `${f.file}: ${f.rule}: “…${f.excerpt}…”`).join('\n');
  expect(found, `Reader copy with internal notes (fix the page, story or component that writes it):\n${report}`).toEqual([]);
});
