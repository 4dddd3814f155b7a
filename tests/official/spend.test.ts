/**
 * Official figures: read the REAL mirror files and check figures the publishers
 * printed (or the sums of their LA rows), as recorded in
 * the raw mirror's dfe/SOURCES.md and SOURCES-context.md (DATA_RAW_DIR, default ../shared/data/raw).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AcquiredFile } from '../../scripts/data/core/acquire.ts';
import { loadManifest } from '../../scripts/data/core/manifest.ts';
import type { Value } from '../../contract/missing.ts';
import { loadDeflators, parseHmtFy, parseCalendarYears } from '../../scripts/data/sources/deflators.ts';
import { englandValue, loadSpend, socialWorkClaimFigures, type SpendResult } from '../../scripts/data/sources/spend/index.ts';
import { loadMhclgNational, type MhclgNationalYear } from '../../scripts/data/sources/spend/mhclg.ts';
import { englandSum } from '../../scripts/data/sources/spend/s251.ts';
import type { S251Tag, SpendMeasure } from '../../scripts/data/sources/spend/blocks.ts';

const RAW = process.env.DATA_RAW_DIR ?? join(import.meta.dirname, '../../../shared/data/raw');
const files = new Map<string, AcquiredFile>();
let spend: SpendResult;
let mhclg: MhclgNationalYear[];

beforeAll(async () => {
  const manifest = await loadManifest(join(import.meta.dirname, '../../data/sources.json'));
  for (const entry of manifest.sources.filter((s) => s.family === 'spend' || s.family === 'deflators')) {
    if (entry.id.startsWith('mhclg-ro3-')) continue; // optional, slow, not used
    files.set(entry.id, { entry, bytes: new Uint8Array(readFileSync(join(RAW, entry.path))), sha256: entry.sha256, changed: false, from: 'mirror' });
  }
  spend = await loadSpend(files);
  mhclg = loadMhclgNational(files);
}, 180_000);

const bn = (v: Value | undefined) => (typeof v === 'number' ? (v / 1e9).toFixed(2) : JSON.stringify(v));
const eng = (m: SpendMeasure, y: number) => bn(englandValue(spend, m, y));
const tag = (t: S251Tag, y: number) => bn(englandSum(spend.s251.find((s) => s.year === y)!, (la) => la.tagged[t]));

describe('S251 outturn, England = sum of LAs (DfE)', () => {
  it('CYP services budget excluding CERA: £5.99bn 2008-09, £9.24bn 2010-11, £8.63bn 2011-12, £8.88bn 2012-13, £8.93bn 2013-14', () => {
    expect([2009, 2011, 2012, 2013, 2014].map((y) => eng('spend_total_gbp', y))).toEqual(['5.99', '9.24', '8.63', '8.88', '8.93']);
  });
  it('published Total Children Looked After: £3.08bn 2011-12 → £3.66bn 2013-14', () => {
    expect(tag('cla_published_total', 2012)).toBe('3.08');
    expect(tag('cla_published_total', 2014)).toBe('3.66');
    // our CLA block adds adoption and SGO before 2012-13, and equals the published line after
    expect(eng('spend_cla_gbp', 2014)).toBe('3.66');
    expect(eng('spend_cla_gbp', 2012)).toBe('3.38');
  });
  it('"Commissioning and social work" £1.71bn 2011-12; "Social work (incl. child protection)" £1.57bn 2012-13, £1.69bn 2013-14', () => {
    expect(tag('commissioning_and_social_work', 2012)).toBe('1.71');
    expect(tag('social_work', 2013)).toBe('1.57');
    expect(tag('social_work', 2014)).toBe('1.69');
  });
  it('total safeguarding £1.97bn 2012-13, £2.03bn 2013-14 (published line and our block)', () => {
    expect(tag('safeguarding_published_total', 2013)).toBe('1.97');
    expect(tag('safeguarding_published_total', 2014)).toBe('2.03');
    expect(eng('spend_safeguarding_gbp', 2013)).toBe('1.97');
    expect(eng('spend_safeguarding_gbp', 2014)).toBe('2.03');
  });
  it("Sure Start children's centres £1.40bn 2010-11 → £1.05bn 2013-14", () => {
    expect(tag('sure_start_published_total', 2011)).toBe('1.40');
    expect(tag('sure_start_published_total', 2014)).toBe('1.05');
    expect(eng('spend_early_help_gbp', 2011)).toBe('1.40');
    expect(eng('spend_early_help_gbp', 2014)).toBe('1.05');
  });
  it('LA counts: 150 in 2008-09, 152 from 2009-10', () => {
    expect(spend.s251.map((s) => s.las.length)).toEqual([150, 152, 152, 152, 152, 152]);
  });
  it('2014-15 is a gap, not a number; 2008-09 has no early help block', () => {
    expect(englandValue(spend, 'spend_total_gbp', 2015)).toEqual({ missing: 'no_source' });
    expect(englandValue(spend, 'spend_early_help_gbp', 2009)).toEqual({ missing: 'definition_break' });
  });
});

describe('LAIT (DfE), England rows', () => {
  it('TotalLACFinance £4.16bn 2016-17 → £8.96bn 2024-25', () => {
    expect(eng('spend_cla_gbp', 2017)).toBe('4.16');
    expect(eng('spend_cla_gbp', 2025)).toBe('8.96');
  });
  it('SafeguardingFinance £2.23bn 2015-16 (older release only) → £3.59bn 2024-25', () => {
    expect(eng('spend_safeguarding_gbp', 2016)).toBe('2.23');
    expect(eng('spend_safeguarding_gbp', 2025)).toBe('3.59');
    const o2016 = spend.observations.find((o) => o.level === 'national' && o.measure === 'spend_safeguarding_gbp' && o.year === 2016)!;
    expect(o2016.source).toBe('lait-2024-11');
  });
  it('C&YPExpenditure of the £-thousand release is converted: 2015-16 England £9.01bn', () => {
    expect(eng('spend_total_gbp', 2016)).toBe('9.01');
  });
  it('the 2017-18 CLA revision is kept as an earlier release', () => {
    const both = spend.observations.filter((o) => o.level === 'national' && o.measure === 'spend_cla_gbp' && o.year === 2018);
    expect(both.map((o) => [o.source, bn(o.value)]).sort()).toEqual([
      ['lait-2024-11', '4.48'],
      ['lait-2026-04', '4.54'],
    ]);
  });
  it('every spend observation has a basis', () => {
    expect(spend.observations.every((o) => ['s251-2008', 's251', 'lait-s251', 'none'].includes(o.basis ?? ''))).toBe(true);
  });
});

describe('MHCLG revenue outturn, England net current expenditure on children social care', () => {
  it('£6.42bn 2011-12, £6.61bn 2012-13, £6.91bn 2013-14, £8.09bn 2014-15 (scope change)', () => {
    const by = new Map(mhclg.map((m) => [m.year, m]));
    expect([2012, 2013, 2014, 2015].map((y) => bn(by.get(y)!.netCurrentGbp))).toEqual(['6.42', '6.61', '6.91', '8.09']);
    expect(by.get(2014)!.scope).toBe('rs-pre-2014-15');
    expect(by.get(2015)!.scope).toBe('ro3-2014-15-on');
    expect(mhclg.map((m) => m.year)).toEqual([2012, 2013, 2014, 2015, 2018, 2023, 2024, 2025]);
  });
});

describe('claim: social work and child protection £2.58bn (2011/12) → £2.12bn (2014/15)', () => {
  it('no S251 line or block reaches £2.58bn in 2011-12 (gross, cash); 2014-15 has no line-level data', () => {
    const figs = socialWorkClaimFigures(spend.s251);
    const y2012 = figs.filter((f) => f.year === 2012).map((f) => [f.line, bn(f.value)]);
    expect(y2012).toEqual([
      ['commissioning_and_social_work', '1.71'],
      ['safeguarding_published_total', '1.75'],
      ['safeguarding_block', '1.97'],
    ]);
    expect(figs.filter((f) => f.year === 2015).every((f) => typeof f.value === 'object' && f.value.missing === 'no_source')).toBe(true);
  });
});

describe('deflators (HM Treasury)', () => {
  it('HMT March 2020 financial-year index: 2010-11 = 87.044 (2018-19 = 100)', () => {
    const f = files.get('deflators-hmt-2020-03')!;
    const hmt = parseHmtFy(f.bytes, { source: f.entry.id, file: f.entry.path });
    expect(hmt.get(2011)!.toFixed(3)).toBe('87.044');
    expect(Math.max(...hmt.keys())).toBe(2019);
  });
  it('calendar years (2024 = 100): 2010 = 69.1217, 2019 = 81.1085, 2020 = 85.2137, 2023 = 96.2507', () => {
    const f = files.get('deflators-hmt-2025-12-cy')!;
    const cy = parseCalendarYears(f.bytes, { source: f.entry.id, file: f.entry.path });
    expect([2010, 2019, 2020, 2023, 2024].map((y) => cy.get(y))).toEqual([69.1217, 81.1085, 85.2137, 96.2507, 100]);
  });
  it('the splice: approximation and HMT FY growth differ by less than 1 point a year', () => {
    const d = loadDeflators(files);
    expect(d.spliceCheck).toHaveLength(10);
    for (const s of d.spliceCheck) expect(Math.abs(s.differencePts)).toBeLessThan(1);
  });
});
