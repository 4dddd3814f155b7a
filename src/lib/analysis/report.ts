/**
 * Renders the claim results as Markdown (docs/claims.md): one section per
 * claim with quote, source, method, result tables, verdict and caveats.
 * Pure: takes the results, returns a string.
 */
import { CLAIMS, claimById, type ClaimId } from './claims.ts';
import type { AllClaimResults } from './index.ts';
import type { ClaimResult } from './types.ts';

const gbp = (v: number | null) => (v === null ? '–' : `£${Math.round(v).toLocaleString('en-GB')}`);
const bn = (v: number | null) => (v === null ? '–' : `£${(v / 1e9).toFixed(2)}bn`);
const pc = (v: number | null, d = 0) => (v === null ? '–' : `${(v * 100).toFixed(d)}%`);
const p3 = (v: number) => (v < 0.001 ? '<0.001' : v.toFixed(3));
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function header(id: ClaimId, title: string): string[] {
  const c = claimById(id);
  const out = [`## ${title}`, ''];
  for (const q of c.quotes) out.push(`> ${q.quoteIsExact ? '“' : ''}${q.text}${q.quoteIsExact ? '”' : ''}${q.quoteIsExact ? '' : ' *(paraphrase)*'}`, '');
  out.push(`**Who:** ${c.speaker} — ${c.role}. **When:** ${c.date}. **Where:** ${c.where}${c.url ? ` <${c.url}>` : ''}`, '');
  if (c.sourcingNote) out.push(`*Sourcing:* ${c.sourcingNote}`, '');
  return out;
}

function footer(r: ClaimResult<unknown>): string[] {
  return [
    `**Method:** ${r.method}`,
    '',
    `**Verdict (${r.verdictCode}):** ${r.verdict}`,
    '',
    '**Caveats:**',
    '',
    ...r.caveats.map((c) => `- ${c}`),
    '',
    `*Inputs:* ${r.provenance.files.join(', ')}; ${r.provenance.columns.join(', ')}; years ${r.provenance.years.join(', ')}; data version \`${r.provenance.dataVersion}\`.`,
    '',
  ];
}

export function renderClaimsMarkdown(r: AllClaimResults): string {
  const out: string[] = [
    '# Claims tested against the data',
    '',
    'Generated from `src/lib/analysis/` by `tests/unit/analysis/write-claims-doc.ts` from the pipeline outputs in `data/output/`. Do not edit by hand: re-run the script after `npm run data`. Years end 31 March: spend in year Y is financial year (Y−1)-(Y); Ofsted grades are those in force on 31 March Y. Resampling uses fixed seeds, so figures are identical build to build.',
    '',
    `Claims: ${CLAIMS.length}. Verdict codes: supported, partly-supported, not-supported, cannot-be-tested, not-reproduced.`,
    '',
  ];

  // 1
  const s = r.spendVsOfsted;
  out.push(...header('dfe-2016-no-correlation', '1. “No significant correlation between spend and effectiveness” (DfE)'));
  out.push(
    table(
      ['year', 'spend year', 'n', 'Spearman ρ', '95% CI', 'perm. p', 'Kruskal–Wallis p', 'J–T p', 'median £/child: Inad / RI / Good / Outst (n)'],
      s.data.years.map((y) => [
        y.year,
        y.financialYear,
        y.n,
        y.rho.toFixed(2),
        `${y.ci.lo.toFixed(2)} to ${y.ci.hi.toFixed(2)}`,
        p3(y.permutation.p),
        p3(y.kruskalWallis.p),
        p3(y.jonckheere.p),
        y.byGrade.map((g) => `${gbp(g.medianCash)} (${g.n})`).join(' / '),
      ]),
    ),
    '',
    'Negative ρ means higher-spending councils tended to have worse grades. 2014 (11 councils) is shown but not used for the verdict.',
    '',
  );
  out.push(...footer(s));

  // 2
  const h = r.halfAsMuch;
  out.push(...header('minister-2017-half-as-much', '2. “Not a direct correlation” and good councils spending half as much (minister, 2017)'));
  for (const y of h.data.years) {
    out.push(
      `**${y.financialYear}** (grades at 31 March ${y.year}): ${y.nGood} councils rated Good or Outstanding spent ${gbp(y.good.minCash)} to ${gbp(y.good.maxCash)} per child (median ${gbp(y.good.medianCash)}; in 2023-24 prices ${gbp(y.good.minReal)} to ${gbp(y.good.maxReal)}, median ${gbp(y.good.medianReal)}). Lowest: ${y.lowestGood.name} (${y.lowestGood.grade}); highest: ${y.highestGood.name} (${y.highestGood.grade}). Median good/outstanding ÷ median below good: ${pc(y.typicalRatio)}.`,
      '',
      table(
        ['grade', 'n', 'lowest good ÷ grade median', 'lowest good ÷ grade maximum'],
        y.ratios.map((x) => [x.grade, x.n, pc(x.toMedian), pc(x.toMax)]),
      ),
      '',
    );
  }
  out.push(...footer(h));

  // 3
  const d = r.deprivation;
  out.push(...header('lga-newton-2018-deprivation', '3. Deprivation explains half the variation in spending (LGA / Newton, 2018)'));
  out.push(
    table(
      ['year', 'spend year', 'n', 'R² (spend)', '95% CI', '£ per child per 0.1 IDACI', 'R² (log spend)', '95% CI (log)', '% per 0.1 IDACI (log)'],
      d.data.years.map((y) => [
        y.year,
        y.financialYear,
        y.n,
        pc(y.r2),
        `${pc(y.r2CI.lo)}–${pc(y.r2CI.hi)}`,
        gbp(y.slopePerTenth),
        pc(y.r2Log),
        `${pc(y.r2LogCI.lo)}–${pc(y.r2LogCI.hi)}`,
        `${y.pctPerTenthLog.toFixed(0)}%`,
      ]),
    ),
    '',
  );
  out.push(...footer(d));

  // 4
  const f = r.fundingGap;
  out.push(...header('lga-2bn-gap', '4. “£2bn funding gap by 2020” (LGA)'));
  out.push(
    table(
      ['', String(f.data.from), String(f.data.to), 'change'],
      [
        ['England spend, cash', bn(f.data.spendCash.from), bn(f.data.spendCash.to), pc(f.data.spendCash.change, 1)],
        ...(f.data.spendReal ? [[`England spend, ${f.data.spendReal.priceBase}`, bn(f.data.spendReal.from), bn(f.data.spendReal.to), pc(f.data.spendReal.change, 1)]] : []),
        ['Spend per child, cash', gbp(f.data.spendPerChildCash.from), gbp(f.data.spendPerChildCash.to), '–'],
        ['Children looked after, 31 March', f.data.claCount.from.toLocaleString('en-GB'), f.data.claCount.to.toLocaleString('en-GB'), pc(f.data.claCount.change, 1)],
      ],
    ),
    '',
  );
  out.push(...footer(f));

  // 5
  const w = r.socialWorkFall;
  out.push(...header('social-work-spend-fell', '5. Social work and child protection spend fell from £2.58bn to £2.12bn'));
  out.push(
    table(
      ['year', 'line', 'England', 'label'],
      w.data.lines.map((l) => [l.year, l.line, l.value === null ? `missing (${l.missing})` : bn(l.value), l.label]),
    ),
    '',
  );
  out.push(...footer(w));

  // 6
  const o = r.ofstedShares;
  out.push(...header('ofsted-sif-not-good', '6. Most councils not good under the single inspection framework (2015, 2017)'));
  const dists = [o.data.nov2015, o.data.jul2017, o.data.jul2017PlusWarwickshire, o.data.jul2017AllOn14th, o.data.latest];
  out.push(
    table(
      ['count', 'n', 'Inadequate', 'Requires improvement', 'Good', 'Outstanding', 'not good'],
      dists.map((x) => [x.label, x.n, ...x.counts.map((c) => `${c.count} (${pc(c.share, 1)})`), `${x.notGood} (${pc(x.notGoodShare, 1)})`]),
    ),
    '',
  );
  out.push(...footer(o));

  // 7
  const c = r.claCount;
  const y17 = c.data.year2017;
  out.push(...header('cla-72670', '7. 72,670 children in care, up 3.1%; 90 a day entering care (2017)'));
  out.push(
    table(
      ['figure', 'first published', 'latest'],
      [
        ['Looked after, 31 March 2017', `${y17.firstPublished?.value.toLocaleString('en-GB')} (${y17.firstPublished?.release})`, y17.latest?.toLocaleString('en-GB') ?? '–'],
        ['Looked after, 31 March 2016', `${y17.prior.firstPublished?.value.toLocaleString('en-GB')} (${y17.prior.firstPublished?.release})`, y17.prior.latest?.toLocaleString('en-GB') ?? '–'],
        ['Change 2016→2017', pc(y17.changeFirstVsFirst, 2), pc(y17.changeLatestVsLatest, 2)],
        ['Started to be looked after, 2016-17', `${y17.startsFirstPublished?.value.toLocaleString('en-GB')}`, y17.startsLatest?.toLocaleString('en-GB') ?? '–'],
        ['Starts per day', y17.startsPerDayFirst?.toFixed(1) ?? '–', y17.startsPerDayLatest?.toFixed(1) ?? '–'],
        [`Looked after, 31 March ${c.data.latestYear.year}`, '', c.data.latestYear.count?.toLocaleString('en-GB') ?? '–'],
        [`Change on ${c.data.latestYear.year - 1}`, '', pc(c.data.latestYear.change, 1)],
        [`Starts per day, ${c.data.latestYear.year - 1}-${String(c.data.latestYear.year % 100)}`, '', c.data.latestYear.startsPerDay?.toFixed(1) ?? '–'],
      ],
    ),
    '',
  );
  out.push(...footer(c));

  // 8
  const sh = r.claShare;
  out.push(...header('cla-half-of-budget', '8. Looked-after children take half of children’s services budgets'));
  out.push(
    table(
      ['year', 'spend year', 'basis', 'England share', 'council median', 'IQR', 'councils over half'],
      sh.data.years.map((y) => [
        y.year,
        y.financialYear,
        y.basis ?? '–',
        pc(y.englandShare, 1),
        pc(y.councils?.median ?? null, 1),
        y.councils ? `${pc(y.councils.p25)}–${pc(y.councils.p75)}` : '–',
        y.councils ? `${y.councils.overHalf} of ${y.councils.n}` : '–',
      ]),
    ),
    '',
  );
  out.push(...footer(sh));
  return out.join('\n');
}
