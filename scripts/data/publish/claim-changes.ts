/**
 * The editors' report: claims whose verdict changed.
 *
 * The claims step (scripts/claims/write.ts) writes data/output/claims.json
 * after the pipeline, so this comparison is a third step (scripts/data/report-claims.ts,
 * run by `npm run data`): the pipeline keeps a copy of the previously published
 * claims.json (from DATA_PREVIOUS_DIR, or the outputs it replaces) in the
 * cache, and this step compares it with the new file and adds a section to
 * report.md and a `claims` field to report.json. Running it again replaces the
 * section, so it can run after an "up to date" pipeline run too.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the pipeline keeps the previously published claims.json for this comparison. */
export const previousClaimsPath = (cacheDir: string) => join(cacheDir, 'report', 'previous-claims.json');

type Verdict = string;
interface Count {
  supporting: number;
  testable: number;
}
/** The part of a claims.json claim this comparison reads (contract/claims-schema.ts). */
export interface ClaimLike {
  id: string;
  speaker: string;
  words: string;
  verdict: Verdict;
  verdict_at_the_time: Verdict;
  counts: { now: Count; at_the_time: Count };
  specifications: unknown[];
}
export interface ClaimsLike {
  data_version?: string;
  claims: ClaimLike[];
}

export interface ClaimSide {
  verdict: Verdict;
  verdict_at_the_time: Verdict;
  /** Specifications that support the claim / that could be tested, now and with the data of the time. */
  counts: { now: Count; at_the_time: Count };
  specifications: number;
}

export interface ClaimChange {
  id: string;
  speaker: string;
  words: string;
  old: ClaimSide | null;
  new: ClaimSide | null;
}

export interface ClaimChangesReport {
  /** False when there was no previous claims.json to compare with. */
  compared: boolean;
  previousDataVersion: string | null;
  claims: number;
  /** Claims whose verdict or verdict at the time changed, and claims added or removed. */
  changed: ClaimChange[];
  /** Claims whose verdicts stayed but whose specification counts moved. */
  countsChanged: ClaimChange[];
}

const NO_COUNT = { supporting: 0, testable: 0 };
/** Tolerant of an older published claims.json without counts or specifications (they read as 0). */
const side = (c: ClaimLike): ClaimSide => ({
  verdict: c.verdict,
  verdict_at_the_time: c.verdict_at_the_time,
  counts: { now: c.counts?.now ?? NO_COUNT, at_the_time: c.counts?.at_the_time ?? NO_COUNT },
  specifications: c.specifications?.length ?? 0,
});
const sameCounts = (a: ClaimSide, b: ClaimSide) =>
  a.specifications === b.specifications &&
  a.counts.now.supporting === b.counts.now.supporting &&
  a.counts.now.testable === b.counts.now.testable &&
  a.counts.at_the_time.supporting === b.counts.at_the_time.supporting &&
  a.counts.at_the_time.testable === b.counts.at_the_time.testable;

export function diffClaims(previous: ClaimsLike | null, next: ClaimsLike): ClaimChangesReport {
  const out: ClaimChangesReport = {
    compared: previous !== null,
    previousDataVersion: previous?.data_version ?? null,
    claims: next.claims.length,
    changed: [],
    countsChanged: [],
  };
  if (!previous) return out;
  const before = new Map(previous.claims.map((c) => [c.id, c]));
  const ids = new Set<string>();
  for (const c of next.claims) {
    ids.add(c.id);
    const p = before.get(c.id);
    const change: ClaimChange = { id: c.id, speaker: c.speaker, words: c.words, old: p ? side(p) : null, new: side(c) };
    if (!p || p.verdict !== c.verdict || p.verdict_at_the_time !== c.verdict_at_the_time) out.changed.push(change);
    else if (!sameCounts(change.old!, change.new!)) out.countsChanged.push(change);
  }
  for (const p of previous.claims) if (!ids.has(p.id)) out.changed.push({ id: p.id, speaker: p.speaker, words: p.words, old: side(p), new: null });
  return out;
}

const VERDICT_WORDS: Record<string, string> = {
  supported: 'supported',
  'partly-supported': 'partly supported',
  'not-supported': 'not supported',
  'cannot-be-tested': 'cannot be tested',
  'not-reproducible': 'not reproducible',
};
const words = (v: Verdict) => VERDICT_WORDS[v] ?? v;
const counts = (s: ClaimSide) =>
  `${s.counts.now.supporting} of ${s.counts.now.testable} testable specifications support it (with the data of the time: ${s.counts.at_the_time.supporting} of ${s.counts.at_the_time.testable}); ${s.specifications} in all`;
const quote = (w: string) => (w.length > 90 ? `${w.slice(0, 87).trimEnd()}…` : w).replace(/\|/g, '\\|');

/** The report's Markdown section. */
export function claimChangesMarkdown(r: ClaimChangesReport): string[] {
  const lines = ['## Claims whose verdict changed', ''];
  if (!r.compared) {
    lines.push('No previous claims to compare with.');
    return lines;
  }
  if (!r.changed.length) lines.push(`No verdict changed (${r.claims} claims).`);
  else {
    lines.push(
      `${r.changed.length} of ${r.claims} claims have a new verdict (or are new or gone). Check the claim's page and any story that quotes its verdict.`,
      '',
    );
    lines.push('| claim | verdict: before → now | verdict with the data of the time: before → now | specifications: before → now |', '|---|---|---|---|');
    for (const c of r.changed) {
      const name = `${c.speaker}: “${quote(c.words)}” (\`${c.id}\`)`;
      if (!c.old) lines.push(`| ${name} | new claim → ${words(c.new!.verdict)} | new claim → ${words(c.new!.verdict_at_the_time)} | ${counts(c.new!)} |`);
      else if (!c.new) lines.push(`| ${name} | ${words(c.old.verdict)} → removed | ${words(c.old.verdict_at_the_time)} → removed | ${counts(c.old)} |`);
      else
        lines.push(
          `| ${name} | ${words(c.old.verdict)} → **${words(c.new.verdict)}** | ${words(c.old.verdict_at_the_time)} → ${words(c.new.verdict_at_the_time)} | ${counts(c.old)} → ${counts(c.new)} |`,
        );
    }
  }
  if (r.countsChanged.length) {
    lines.push('', 'Same verdicts, but the number of supporting specifications moved:', '');
    for (const c of r.countsChanged) lines.push(`- \`${c.id}\` (${words(c.new!.verdict)}): ${counts(c.old!)} → ${counts(c.new!)}`);
  }
  return lines;
}

const HEADING = '## Claims whose verdict changed';

/** Put the section into report.md before "## Rows read per source" (replacing an earlier one), and the field into report.json. */
export function withClaimSection(markdown: string, section: string[]): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(HEADING);
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    if (end < 0) end = lines.length;
    lines.splice(start, end - start, ...section, '');
    return lines.join('\n');
  }
  const at = lines.indexOf('## Rows read per source');
  if (at < 0) return `${markdown.replace(/\n*$/, '\n\n')}${section.join('\n')}\n`;
  lines.splice(at, 0, ...section, '');
  return lines.join('\n');
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/** Compare the kept previous claims with the new claims.json and update report.md and report.json. */
export async function addClaimChangesToReport(paths: {
  previousClaims: string;
  claims: string;
  reportMd: string;
  reportJson: string;
}): Promise<ClaimChangesReport | null> {
  const next = await readJson<ClaimsLike>(paths.claims);
  const md = await readFile(paths.reportMd, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  const json = await readJson<Record<string, unknown>>(paths.reportJson);
  if (!next || md === null || !json) return null; // no claims or no report yet: nothing to add to
  const previous = await readJson<ClaimsLike>(paths.previousClaims).catch((e: Error) => {
    throw new Error(
      `the previously published claims.json, kept by the pipeline from DATA_PREVIOUS_DIR or the last outputs, is not usable: ${e.message}. Check the claims.json the data-refresh workflow fetched.`,
    );
  });
  if (previous && !Array.isArray(previous.claims)) throw new Error(`${paths.previousClaims}: the previously published claims.json has no "claims" list.`);
  const r = diffClaims(previous, next);
  await writeAtomically(paths.reportJson, `${JSON.stringify({ ...json, claims: r }, null, 1)}\n`);
  await writeAtomically(paths.reportMd, withClaimSection(md, claimChangesMarkdown(r)));
  return r;
}
