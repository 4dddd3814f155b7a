import { describe, expect, it } from 'vitest';
import { parseDate, parseGrade, publishedBound, serialToIso } from '../../../scripts/data/sources/ofsted/cells.ts';
import { YEAR_MAX } from '../../../contract/schemas.ts';
import { readInspectionHistory } from '../../../scripts/data/sources/ofsted/inspection-history.ts';
import { loadOfstedDetailed, mergeOfsted } from '../../../scripts/data/sources/ofsted/index.ts';
import { makeNameResolver } from '../../../scripts/data/sources/ofsted/names.ts';
import { outcomesPeriod, readOutcomes } from '../../../scripts/data/sources/ofsted/outcomes.ts';
import type { Inspection } from '../../../contract/outputs.ts';
import { clone, fixture, odsBytes, sourceFiles, type Book } from '../../fixtures/ofsted/build.ts';

const O25 = 'ofsted-outcomes-2025';
const C23 = 'ofsted-csc-2023';
const H = 'ILACS_inspection_history';
const L = 'Inspections_as_at_31_March';
const S23 = 'LA_inspections_2009-2023';

const read25 = (b: Book) => readOutcomes(sourceFiles({ [O25]: odsBytes(b) }));
const both = (b25: Book, b23: Book) => loadOfstedDetailed(sourceFiles({ [O25]: odsBytes(b25), [C23]: odsBytes(b23) }), { minHistoryRows: 1 });
/** Column index in a fixture header row. */
const colOf = (rows: Book[string], headerRow: number, name: string): number =>
  rows[headerRow]!.findIndex((c) => String(c).replace(/\s+/g, ' ').trim() === name);

describe('ofsted cells: dates and grades', () => {
  it('reads spreadsheet serials, ISO text and day-first British text', () => {
    expect(serialToIso(45117)).toBe('2023-07-10');
    expect(parseDate('45117')).toBe('2023-07-10');
    expect(parseDate('2019-04-01')).toBe('2019-04-01');
    expect(parseDate('11/09/2023')).toBe('2023-09-11'); // day first, not 9 November
    expect(parseDate('27/10/23')).toBe('2023-10-27');
  });
  it('rejects impossible dates and bare years (a year is not a serial)', () => {
    expect(parseDate('31/02/2020')).toBeUndefined();
    expect(parseDate('2023')).toBeUndefined();
    expect(parseDate('TBC')).toBeUndefined();
  });
  it('normalises grade wording; dash and blank are no judgement; unknown words are undefined', () => {
    expect(parseGrade('Requires improvement to be good')).toBe('Requires improvement');
    expect(parseGrade('Good')).toBe('Good');
    expect(parseGrade(' -')).toBeNull();
    expect(parseGrade('')).toBeNull();
    expect(parseGrade('Adequate')).toBeUndefined();
  });
});

describe('ofsted-outcomes-2025 (fixture of real rows)', () => {
  it('reads the ILACS history with ISO dates, normalised grades and E-codes', () => {
    const { history, latest } = read25(fixture('outcomes-2025'));
    expect(history).toHaveLength(9);
    const barnet = history.filter((h) => h.la_code === 'E09000003');
    expect(barnet.map((b) => [b.type, b.inspection_start, b.published, b.overall])).toEqual([
      ['ILACS standard', '2019-05-13', '2019-07-01', 'Good'],
      ['ILACS short', '2024-06-10', '2024-07-23', 'Good'],
    ]);
    // care-leavers sub-judgement is blank before 2023: left out, not a grade
    expect(Object.keys(barnet[0]!.judgements)).toHaveLength(3);
    expect(barnet[1]!.judgements['The experiences and progress of children in care']).toBe('Outstanding');
    expect(history.find((h) => h.la_name === 'Bournemouth')).toMatchObject({ status: 'former', la_code: 'E06000028' });
    expect(history.every((h) => h.source === O25 && h.framework === 'ILACS')).toBe(true);
    expect(latest.map((l) => [l.la_code, l.overall])).toContainEqual(['E06000009', 'Requires improvement']);
  });

  it('names file, sheet, row and column for a renamed column', () => {
    const b = clone(fixture('outcomes-2025'));
    b[H]![2]![colOf(b[H]!, 2, 'Publication date')] = 'Date published';
    expect(() => read25(b)).toThrow(/sheet "ILACS_inspection_history".*column "Publication date".*missing/);
  });
  it('rejects a duplicated row', () => {
    const b = clone(fixture('outcomes-2025'));
    b[H]!.splice(4, 0, b[H]![3]!);
    expect(() => read25(b)).toThrow(/row 5.*duplicate \(LA, publication date\)/);
  });
  it('rejects an LA code in the wrong format (district code / 3-digit code)', () => {
    const b = clone(fixture('outcomes-2025'));
    b[H]![3]![1] = '202';
    expect(() => read25(b)).toThrow(/row 4, column "Local authority area code", value "202": not an upper-tier LA code/);
  });
  it('rejects a grade outside the vocabulary', () => {
    const b = clone(fixture('outcomes-2025'));
    b[H]![3]![colOf(b[H]!, 2, 'Overall effectiveness')] = 'Adequate';
    expect(() => read25(b)).toThrow(/value "Adequate": not an Ofsted grade/);
  });
  it('rejects text and out-of-range years in date columns', () => {
    const b = clone(fixture('outcomes-2025'));
    b[H]![3]![colOf(b[H]!, 2, 'Publication date')] = 'TBC';
    expect(() => read25(b)).toThrow(/value "TBC": not a date/);
    const c = clone(fixture('outcomes-2025'));
    c[H]![3]![colOf(c[H]!, 2, 'Publication date')] = 36526; // 2000-01-01
    expect(() => read25(c)).toThrow(/date 2000-01-01 is outside/);
  });
  it('rejects a report published before the inspection', () => {
    const b = clone(fixture('outcomes-2025'));
    const r = b[H]![3]!;
    r[colOf(b[H]!, 2, 'Publication date')] = (r[colOf(b[H]!, 2, 'Inspection date')] as number) - 1;
    expect(() => read25(b)).toThrow(/is before the inspection date/);
  });
  it('rejects a latest-judgement row that disagrees with the history', () => {
    const b = clone(fixture('outcomes-2025'));
    b[L]![3]![colOf(b[L]!, 2, 'Overall effectiveness')] = 'Inadequate';
    expect(() => read25(b)).toThrow(/Inspections_as_at_31_March.*is not the LA's latest/);
  });
  it('fails clearly on a truncated file', () => {
    const bytes = odsBytes(fixture('outcomes-2025'));
    expect(() => readOutcomes(sourceFiles({ [O25]: bytes.slice(0, Math.floor(bytes.length / 2)) }))).toThrow(/ofsted-outcomes-2025.*(could not be read|sheet)/);
  });
});

describe('ofsted-csc-2023 (fixture of real rows)', () => {
  const resolve = makeNameResolver([
    ...read25(fixture('outcomes-2025')).history,
    { la_code: 'E08000025', la_name: 'Birmingham' },
    { la_code: 'E06000019', la_name: 'Isles of Scilly' },
    { la_code: 'E06000007', la_name: 'Warrington' },
    { la_code: 'E06000055', la_name: 'Bedford' },
    { la_code: 'E06000059', la_name: 'Dorset' },
  ]);
  const read23 = (b: Book) => readInspectionHistory(sourceFiles({ [C23]: odsBytes(b) }), resolve, { minRows: 1 }).inspections;

  it('emits SLAC (no single overall), SIF and SIF re-inspection with publication dates', () => {
    const ins = read23(fixture('csc-2023'));
    const bham = ins.filter((i) => i.la_code === 'E08000025');
    expect(bham.map((i) => [i.framework, i.type, i.published, i.overall])).toEqual([
      ['SLAC', 'SLAC', '2010-07-16', null],
      ['SIF', 'SIF', '2014-05-23', 'Inadequate'],
      ['SIF', 'SIF re-inspection', '2016-11-25', 'Inadequate'],
      ['ILACS', 'ILACS standard', '2019-01-17', 'Requires improvement'],
      ['ILACS', 'ILACS standard', '2023-04-18', 'Good'],
    ]);
    expect(bham[0]!.judgements).toEqual({
      'Safeguarding overall effectiveness': 'Inadequate',
      'Looked after children overall effectiveness': 'Requires improvement',
    });
    expect(bham.every((i) => i.inspection_start === null && i.source === C23)).toBe(true);
  });
  it('turns " -" into no judgement (Isles of Scilly)', () => {
    const scilly = read23(fixture('csc-2023')).find((i) => i.la_code === 'E06000019' && i.type === 'SIF')!;
    expect(scilly.overall).toBe('Good');
    expect(scilly.judgements['Children looked after and achieving permanence']).toBeNull();
  });
  it('resolves names without codes: aliases, and the pre-restructure Dorset county', () => {
    const ins = read23(fixture('csc-2023'));
    expect(ins.some((i) => i.la_code === 'E06000055' && i.la_name === 'Bedford Borough')).toBe(true);
    expect(ins.filter((i) => i.la_code === 'E10000009').map((i) => i.type)).toEqual(['SLAC', 'SIF']);
    expect(ins.filter((i) => i.la_code === 'E06000059').map((i) => i.published)).toEqual(['2021-11-19']);
    expect(ins.filter((i) => i.la_code === 'E06000028').map((i) => i.type)).toEqual(['SLAC', 'SIF', 'ILACS standard']);
  });
  it('merges the two SLAC re-inspection strands published the same day into one report (Warrington)', () => {
    const w = read23(fixture('csc-2023')).filter((i) => i.la_code === 'E06000007' && i.type.startsWith('SLAC re'));
    expect(w).toHaveLength(1);
    expect(Object.keys(w[0]!.judgements)).toHaveLength(2);
  });
  it('reads the newest entry of role inspection-history, and the sheet that entry names (a new release is one entry)', () => {
    const files = new Map(sourceFiles({ [C23]: odsBytes(fixture('csc-2023')) }));
    const prev = files.get(C23)!;
    // A made-up later release: the same rows under the sheet name a 2024 file would have.
    const b = fixture('csc-2023');
    const next = {
      ...prev.entry,
      id: 'ofsted-csc-2024',
      release: '2024',
      published: '2024-07-04',
      path: 'test/csc-2024.ods',
      sheet: 'LA_inspections_2009-2024',
    };
    files.set(next.id, { ...prev, entry: next, bytes: odsBytes({ 'LA_inspections_2009-2024': b[S23]! }) });
    const ins = readInspectionHistory(files, resolve, { minRows: 1 }).inspections;
    expect(new Set(ins.map((i) => i.source))).toEqual(new Set(['ofsted-csc-2024']));
    expect(ins.length).toBe(read23(fixture('csc-2023')).length);
  });
  it('refuses an entry that does not name its sheet, or names one the file lacks', () => {
    const files = new Map(sourceFiles({ [C23]: odsBytes(fixture('csc-2023')) }));
    const f = files.get(C23)!;
    const { sheet: _sheet, ...noSheet } = f.entry;
    files.set(C23, { ...f, entry: noSheet });
    expect(() => readInspectionHistory(files, resolve, { minRows: 1 })).toThrow(
      /source ofsted-csc-2023, file test\/ofsted-csc-2023\.ods: the entry does not name the sheet[\s\S]*add "sheet" to this entry in data\/sources\.json/,
    );
    files.set(C23, { ...f, entry: { ...f.entry, sheet: 'LA_inspections_2009-2024' } });
    expect(() => readInspectionHistory(files, resolve, { minRows: 1 })).toThrow(
      /sheet "LA_inspections_2009-2024": sheet "LA_inspections_2009-2024" is missing\n.*sheets found: LA_inspections_2009-2023/,
    );
  });
  it('rejects a truncated Table 10 (fewer LAs than the release has)', () => {
    expect(() => readInspectionHistory(sourceFiles({ [C23]: odsBytes(fixture('csc-2023')) }), resolve)).toThrow(/only 8 LA rows in Table 10/);
  });
  it('rejects an unknown LA name', () => {
    const b = clone(fixture('csc-2023'));
    b[S23]![5]![1] = 'Barnett';
    expect(() => read23(b)).toThrow(/row 6, column "Local authority name", value "Barnett": LA name not recognised/);
  });
  it('rejects a judgement without a publication date, and a renamed column', () => {
    const b = clone(fixture('csc-2023'));
    const sifDate = colOf(b[S23]!, 4, "Single Inspection of LA Children's Services (SIF) First SIF publication date");
    b[S23]![5]![sifDate] = '';
    expect(() => read23(b)).toThrow(/judgements without a publication date \(SIF\)/);
    const c = clone(fixture('csc-2023'));
    c[S23]![4]![sifDate] = 'SIF date';
    expect(() => read23(c)).toThrow(/column "Single Inspection of LA Children's Services \(SIF\) First SIF publication date" is missing/);
  });
  it('rejects a duplicated LA row', () => {
    const b = clone(fixture('csc-2023'));
    b[S23]!.splice(6, 0, b[S23]![5]!);
    expect(() => read23(b)).toThrow(/duplicate LA name "Barnet"/);
  });
});

describe('merging the releases', () => {
  it('drops ILACS reports the 2025 file has; a mistyped date (Nottingham) is reported, 2025 wins', () => {
    // only the 2023 rows of LAs that the 2025 fixture names (the resolver is built from it)
    const b23 = clone(fixture('csc-2023'));
    b23[S23] = b23[S23]!.filter(
      (row) => !['Birmingham', 'Isles of Scilly', 'Warrington', 'Bedford Borough', 'Dorset'].includes(String(row[1])) || row[3] === 'Shire County',
    );
    const r = both(fixture('outcomes-2025'), b23);
    const notts = r.inspections.filter((i) => i.la_code === 'E06000018' && i.framework === 'ILACS');
    expect(notts.map((i) => [i.published, i.source])).toEqual([
      ['2019-01-07', O25],
      ['2022-09-05', O25],
    ]);
    expect(r.dateConflicts).toEqual([{ la_code: 'E06000018', la_name: 'Nottingham', published2023: '2022-11-05', published2025: '2022-09-05' }]);
    // SIF and SLAC come from 2023 only; no ILACS from 2023 survives
    expect(r.inspections.filter((i) => i.framework === 'ILACS').every((i) => i.source === O25)).toBe(true);
  });
  it('keeps and lists a 2023-only ILACS report; rejects a duplicate (LA, framework, date)', () => {
    const a: Inspection = {
      la_code: 'E09000003',
      la_name: 'Barnet',
      framework: 'ILACS',
      type: 'ILACS standard',
      inspection_start: null,
      inspection_end: null,
      published: '2019-07-01',
      overall: 'Good',
      judgements: {},
      source: C23,
    };
    const lone = { ...a, published: '2021-01-01' };
    const r = mergeOfsted([{ ...a, source: O25 }], [a, lone]);
    expect(r.unmatchedHistory).toEqual([lone]);
    expect(r.inspections).toHaveLength(2);
    const sif = { ...a, framework: 'SIF' as const, type: 'SIF' };
    expect(() => mergeOfsted([], [sif, { ...sif }])).toThrow(/duplicate inspection: Barnet \(E09000003\) has two SIF reports published 2019-07-01/);
  });
});

describe("the outcomes release's period comes from its manifest entry", () => {
  it('inspected by 31 March of the year the release names, published by that year’s cut-off', () => {
    expect(outcomesPeriod({ id: 'ofsted-outcomes-2025', release: '31 March 2025' })).toEqual({
      source: 'ofsted-outcomes-2025',
      inspectedBy: '2025-03-31',
      publishedBy: '2025-06-30',
    });
    // Next year's release is one more entry: nothing in code names 2026.
    expect(outcomesPeriod({ id: 'ofsted-outcomes-2026', release: '31 March 2026' })).toMatchObject({ inspectedBy: '2026-03-31', publishedBy: '2026-06-30' });
  });
  it('a release that names no year is refused, saying how to write it', () => {
    expect(() => outcomesPeriod({ id: 'ofsted-outcomes-next', release: 'latest' })).toThrow(/does not name the 31 March it counts at[\s\S]*31 March YYYY/);
  });
});

describe('the latest date a file may carry comes from its manifest entry, not from code', () => {
  it('is the publication day, the end of the publication month, or the schema’s last year', () => {
    expect(publishedBound({ published: '2023-07-06' })).toBe('2023-07-06');
    expect(publishedBound({ published: '2024-11' })).toBe('2024-11-30');
    expect(publishedBound({ published: '2024-02' })).toBe('2024-02-29');
    expect(publishedBound({ published: '2026-06' })).toBe('2026-06-30');
    expect(publishedBound({})).toBe(`${YEAR_MAX}-12-31`);
  });
  it('a judgement dated after the file was published is an error naming the row and column', () => {
    const resolve = makeNameResolver(read25(fixture('outcomes-2025')).history);
    const files = sourceFiles({ [C23]: odsBytes(fixture('csc-2023')) });
    // The real entry says 2023-07-06; an entry dated earlier than the judgements it lists is refused.
    expect(files.get(C23)!.entry.published).toBe('2023-07-06');
    files.get(C23)!.entry.published = '2019-01-01';
    expect(() => readInspectionHistory(files, resolve, { minRows: 1 })).toThrow(
      /row \d+, column "[^"]+"[\s\S]*date 20\d\d-\d\d-\d\d is outside 2009-01-01 to 2019-01-01/,
    );
  });
});
