/**
 * docs/claims.md, generated from claims.json (the claims engine's output):
 * `npm run claims:doc` writes it; tests/unit/analysis/claims-doc.test.ts fails
 * when the committed file differs from what the engine produces now.
 */
import type { ClaimsFile, EvaluatedClaim, Specification } from './engine.ts';
import { VERDICT_LABELS } from './registry/rubric.ts';

const fmt = (s: Specification): string => {
  if (s.estimate === null) return '—';
  switch (s.method) {
    case 'share':
    case 'r2':
      return `${(s.estimate * 100).toFixed(1)}%`;
    case 'growth':
    case 'rank':
      return `${s.estimate >= 0 ? '+' : '−'}${Math.abs(s.estimate * 100).toFixed(2)}%`;
    case 'total':
      return `£${(s.estimate / 1e9).toFixed(3)}bn`;
    case 'count':
      return Number.isInteger(s.estimate) ? s.estimate.toLocaleString('en-GB') : s.estimate.toFixed(2);
    default:
      return s.estimate.toFixed(3);
  }
};
const p3 = (p: number | null) => (p === null ? '' : p < 0.001 ? '< 0.001' : p.toFixed(3));
const agrees = (s: Specification) => (s.supports === null ? 'context' : s.supports ? 'yes' : 'no');
const esc = (t: string) => t.replace(/\|/g, '\\|');

function groups(c: EvaluatedClaim): string[] {
  const key = (s: Specification) => `${s.method} | ${s.control} | ${s.subset}`;
  const m = new Map<string, Specification[]>();
  for (const s of c.specifications) m.set(key(s), [...(m.get(key(s)) ?? []), s]);
  return [
    '| method | control | subset | specifications | agree | disagree | public at the time |',
    '|---|---|---|---|---|---|---|',
    ...[...m.entries()].map(
      ([k, xs]) =>
        `| ${k} | ${xs.length} | ${xs.filter((s) => s.supports === true).length} | ${xs.filter((s) => s.supports === false).length} | ${xs.filter((s) => s.known_at_the_time).length} |`,
    ),
  ];
}

function table(c: EvaluatedClaim): string[] {
  return [
    '| specification | year | estimate | 95% interval | n | p | p adjusted | agrees | public then |',
    '|---|---|---|---|---|---|---|---|---|',
    ...c.specifications.map(
      (s) =>
        `| ${esc(s.label)} | ${s.year} | ${fmt(s)} | ${s.ci_low === null || s.ci_high === null ? '' : `${s.ci_low.toFixed(3)} to ${s.ci_high.toFixed(3)}`} | ${s.n ?? ''} | ${p3(s.p)} | ${p3(s.p_adjusted)} | ${agrees(s)} | ${s.known_at_the_time ? 'yes' : 'no'} |`,
    ),
  ];
}

export function renderClaimsDoc(file: ClaimsFile): string {
  const out: string[] = [
    '# Claims tested against the data',
    '',
    'Generated from `data/output/claims.json` (the claims engine, `src/lib/analysis/engine.ts`, on the claims in `src/lib/analysis/registry/`) by `npm run claims:doc`. Do not edit by hand: a unit test fails when this file differs from what the engine produces. Years end 31 March.',
    '',
    `${file.claims.length} claims. (The data version the verdicts were computed on is in claims.json; it is left out here so that this file changes only when a claim, a verdict or a figure does.)`,
    '',
    '## Rubric',
    '',
    ...file.rubric.map((r) => `- **${r.label}** (\`${r.verdict}\`): ${r.rule}`),
    '',
    '## Verdicts',
    '',
    '| claim | said | at the time | now | agree / testable now | at the time |',
    '|---|---|---|---|---|---|',
    ...file.claims.map(
      (c) =>
        `| [${c.id}](#${c.id}) | ${c.date} | ${VERDICT_LABELS[c.verdict_at_the_time]} | ${VERDICT_LABELS[c.verdict]} | ${c.counts.now.supporting} / ${c.counts.now.testable} | ${c.counts.at_the_time.supporting} / ${c.counts.at_the_time.testable} |`,
    ),
    '',
  ];
  for (const c of file.claims) {
    out.push(
      `## ${c.id}`,
      '',
      `> ${c.words_are_quote ? `“${c.words}”` : c.words}`,
      '',
      `**Who:** ${c.speaker} (${c.role}). **When:** ${c.date}${c.date_note ? ` (${c.date_note})` : ''}. **Where:** ${c.venue}; ${c.source_url ? `<${c.source_url}>` : `press report only: ${c.report.publication}${c.report.author ? `, ${c.report.author}` : ''}${c.report.date ? `, ${c.report.date}` : ''}${c.report.headline ? `, “${c.report.headline}”` : ''}`}. ${c.words_are_quote ? 'Direct quotation.' : 'The reporter’s words.'} **Period described:** ${c.period.description} (years ${c.period.from}–${c.period.to}).`,
      '',
      `**Verdict:** ${VERDICT_LABELS[c.verdict]} (\`${c.verdict}\`), ${c.counts.now.supporting} of ${c.counts.now.testable} testable specifications agree. **At the time:** ${VERDICT_LABELS[c.verdict_at_the_time]} (\`${c.verdict_at_the_time}\`), ${c.counts.at_the_time.supporting} of ${c.counts.at_the_time.testable}.`,
      '',
      c.summary,
      '',
      ...(c.then_and_now ? [c.then_and_now, ''] : []),
      ...c.detail.map((d) => `- ${d}`),
      '',
      `Thresholds: ${
        Object.entries(c.thresholds)
          .map(([k, v]) => `${k} = ${v}`)
          .join('; ') || 'none (not testable)'
      }.`,
      '',
      ...(c.specifications.length > 30 ? groups(c) : c.specifications.length ? table(c) : ['No specifications.']),
      '',
    );
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
