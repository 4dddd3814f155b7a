/**
 * The editors' report, written after every run: rows read per source, values
 * missing by reason, and what changed against the previous outputs (which
 * councils and years, old and new values). Also printed as Markdown, which CI
 * attaches to the data-refresh pull request.
 */
import { staleDecisions, type Anomaly, type AnomalyFile, type DecisionEntry } from '../derive/anomalies.ts';
import { PANEL_NUMERIC_COLUMNS, type PanelRow, type Revision } from '../../../contract/outputs.ts';
import type { MissingReason } from '../../../contract/missing.ts';
import { storyFiguresMarkdown, type StoryFiguresReport } from './story-figures.ts';

export interface Change {
  la_code: string;
  la_name: string;
  year: number;
  column: string;
  old: number | string | null;
  new: number | string | null;
}

export interface RunReport {
  dataVersion: string;
  previousDataVersion: string | null;
  /** rows: data rows (map sources: features) the pipeline read; null for a source it acquires and verifies but does not read. */
  sources: Array<{ id: string; rows: number | null; from: string; changed: boolean }>;
  panelRows: number;
  missingByColumn: Record<string, Partial<Record<MissingReason, number>>>;
  changes: { total: number; added: number; removed: number; byColumn: Record<string, number>; sample: Change[]; addedYears?: number[] };
  revisions: number;
  /** The anomaly screen: counts by decision, the undecided ones in full, and decisions that match nothing any more. */
  anomalies?: AnomalySummary;
  /** Stories whose cited figures changed or no longer exist (story-figures.ts). */
  storyFigures?: StoryFiguresReport;
  timingsMs: Record<string, number>;
}

export interface AnomalySummary {
  total: number;
  byDecision: Record<string, number>;
  undecided: Anomaly[];
  stale: DecisionEntry[];
}

export function anomalySummary(anomalies: readonly Anomaly[], file: AnomalyFile): AnomalySummary {
  const byDecision: Record<string, number> = {};
  for (const a of anomalies) byDecision[a.decision ?? 'undecided'] = (byDecision[a.decision ?? 'undecided'] ?? 0) + 1;
  return { total: anomalies.length, byDecision, undecided: anomalies.filter((a) => a.decision === null), stale: staleDecisions(anomalies, file) };
}

export function missingByColumn(rows: readonly PanelRow[]): RunReport['missingByColumn'] {
  const out: RunReport['missingByColumn'] = {};
  for (const r of rows) {
    for (const [col, reason] of Object.entries(r.missing)) {
      const m = (out[col] ??= {});
      m[reason] = (m[reason] ?? 0) + 1;
    }
  }
  return out;
}

const COMPARED = [...PANEL_NUMERIC_COLUMNS, 'ofsted_overall', 'spend_basis'] as const;

/** Cell-level differences between two panels (keyed by council and year). */
export function diffPanels(previous: readonly PanelRow[], next: readonly PanelRow[], sampleSize = 200): RunReport['changes'] {
  const key = (r: PanelRow) => `${r.la_code}|${r.year}`;
  const prev = new Map(previous.map((r) => [key(r), r]));
  const seen = new Set<string>();
  const byColumn: Record<string, number> = {};
  const sample: Change[] = [];
  let total = 0;
  let added = 0;
  const addedYears = new Set<number>();
  for (const r of next) {
    const k = key(r);
    seen.add(k);
    const p = prev.get(k);
    if (!p) {
      added++;
      addedYears.add(r.year);
      continue;
    }
    for (const c of COMPARED) {
      const a = p[c] ?? null;
      const b = r[c] ?? null;
      if (a !== b) {
        total++;
        byColumn[c] = (byColumn[c] ?? 0) + 1;
        if (sample.length < sampleSize) sample.push({ la_code: r.la_code, la_name: r.la_name, year: r.year, column: c, old: a, new: b });
      }
    }
  }
  const removed = [...prev.keys()].filter((k) => !seen.has(k)).length;
  return { total, added, removed, byColumn, sample, ...(addedYears.size ? { addedYears: [...addedYears].sort((a, b) => a - b) } : {}) };
}

const fmt = (v: number | string | null) => (v === null ? '—' : typeof v === 'number' ? v.toLocaleString('en-GB') : v);

export function reportMarkdown(r: RunReport, revisions: readonly Revision[]): string {
  const lines: string[] = [];
  lines.push(
    `# Data report`,
    '',
    `Data version \`${r.dataVersion}\`${r.previousDataVersion ? ` (previous \`${r.previousDataVersion}\`)` : ' (first run)'}.`,
    '',
  );
  lines.push(`## What changed`, '');
  if (!r.previousDataVersion) lines.push('No previous output to compare with.');
  else if (r.changes.total === 0 && r.changes.added === 0 && r.changes.removed === 0) lines.push('No figure changed.');
  else {
    lines.push(`${r.changes.total} cells changed, ${r.changes.added} council-years added, ${r.changes.removed} removed.`, '');
    lines.push('| column | cells changed |', '|---|---:|');
    for (const [c, n] of Object.entries(r.changes.byColumn).sort((a, b) => b[1] - a[1])) lines.push(`| ${c} | ${n} |`);
    lines.push('', '| council | year | column | old | new |', '|---|---:|---|---:|---:|');
    for (const c of r.changes.sample) lines.push(`| ${c.la_name} (${c.la_code}) | ${c.year} | ${c.column} | ${fmt(c.old)} | ${fmt(c.new)} |`);
    if (r.changes.total > r.changes.sample.length) lines.push('', `…and ${r.changes.total - r.changes.sample.length} more (see report.json).`);
  }
  if (r.storyFigures) lines.push('', ...storyFiguresMarkdown(r.storyFigures));
  lines.push(
    '',
    '## Rows read per source',
    '',
    'Data rows read (for map files: areas). "not read": the file is acquired and its checksum verified, but no output uses it (kept as a reference or for cross-checks in the tests).',
    '',
    '| source | rows | from | changed |',
    '|---|---:|---|---|',
  );
  for (const s of r.sources)
    lines.push(`| ${s.id} | ${s.rows === null ? 'not read' : s.rows.toLocaleString('en-GB')} | ${s.from} | ${s.changed ? '**yes**' : 'no'} |`);
  if (r.anomalies) {
    const a = r.anomalies;
    lines.push('', `## Anomalies (${a.total})`, '');
    lines.push(
      `Found by the anomaly screen; decisions in data/anomaly-decisions.json. ${
        Object.entries(a.byDecision)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ') || 'none found'
      }.`,
    );
    if (a.undecided.length) {
      lines.push(
        '',
        `**${a.undecided.length} undecided** (the tests fail until each has a decision):`,
        '',
        '| council | year | measure | value | rule | reason |',
        '|---|---:|---|---:|---|---|',
      );
      for (const u of a.undecided) lines.push(`| ${u.la_name} (${u.la_code}) | ${u.year} | ${u.measure} | ${fmt(u.value)} | ${u.rule} | ${u.reason} |`);
    }
    if (a.stale.length) {
      lines.push('', `${a.stale.length} decision(s) match no anomaly any more (the data changed; remove or review them):`, '');
      for (const s of a.stale) lines.push(`- ${s.la_code} ${s.year} ${s.measure} (${s.rule}): ${s.decision}`);
    }
  }
  lines.push('', `## Missing values in the council panel (${r.panelRows.toLocaleString('en-GB')} rows)`, '', '| column | reasons |', '|---|---|');
  for (const [c, reasons] of Object.entries(r.missingByColumn).sort()) {
    lines.push(
      `| ${c} | ${Object.entries(reasons)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ')} |`,
    );
  }
  lines.push('', `## Revisions between releases (${revisions.length})`, '');
  lines.push(
    'Figures that a later release revised. The site uses the latest release.',
    '',
    '| measure | area | year | first published | latest |',
    '|---|---|---:|---:|---:|',
  );
  for (const v of revisions.filter((x) => x.code.startsWith('E92') || x.code.startsWith('E12')).slice(0, 60)) {
    lines.push(`| ${v.measure} | ${v.name} | ${v.year} | ${fmt(v.first.value)} (${v.first.release}) | ${fmt(v.latest.value)} (${v.latest.release}) |`);
  }
  lines.push('', '## Timings', '', ...Object.entries(r.timingsMs).map(([k, ms]) => `- ${k}: ${ms} ms`), '');
  return lines.join('\n');
}
