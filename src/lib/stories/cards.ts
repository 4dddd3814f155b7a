/**
 * Claim cards render data/output/claims.json (written by the claims engine,
 * src/lib/analysis/engine.ts) and nothing else: no verdict, threshold or
 * result is typed here. This module only formats what the file says.
 */
import type { ClaimsFileData, EvaluatedClaimData } from '../../../contract/claims-schema.ts';
import { REGISTRY, TOPIC_LABELS, VERDICT_LABELS, type ClaimId, type Topic, type Verdict } from '../analysis/registry/index.ts';
import { getClaimsFile } from '../data/claims.ts';

export type CardId = ClaimId;
export { VERDICT_LABELS, TOPIC_LABELS };
export type { Verdict };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2017-10" → "October 2017"; "2017-10-13" → "13 October 2017"; "2016" → "2016". */
export function claimDate(d: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (!m) return d === 'reported' ? 'Date not recorded' : d;
  if (m[3]) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[2] ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : m[1]!;
}

export const VERDICT_ICONS: Record<Verdict, string> = {
  supported: '✓',
  'partly-supported': '◐',
  'not-supported': '✗',
  'cannot-be-tested': '?',
  'not-reproducible': '∅',
};

export interface Card extends EvaluatedClaimData {
  verdictLabel: string;
  verdictAtTheTimeLabel: string;
  topicLabel: string;
  dateLabel: string;
  /** Where the words come from, in one line. */
  sourceLine: string;
}

export function buildCard(c: EvaluatedClaimData): Card {
  const r = c.report;
  const reportBits = [r.publication, r.author ? `by ${r.author}` : null, r.date ? claimDate(r.date) : 'undated'].filter(Boolean).join(', ');
  return {
    ...c,
    verdictLabel: VERDICT_LABELS[c.verdict],
    verdictAtTheTimeLabel: VERDICT_LABELS[c.verdict_at_the_time],
    topicLabel: TOPIC_LABELS[c.topic as Topic] ?? c.topic,
    dateLabel: claimDate(c.date),
    sourceLine: c.source_url
      ? `${c.venue}. Reported in ${reportBits}.`
      : `${c.venue}. We have only the press report: ${reportBits}${r.headline ? ` (“${r.headline}”)` : ''}.`,
  };
}

let cache: { file: ClaimsFileData; cards: Card[] } | null = null;
/** Every card, in registry order. */
export function cards(): Card[] {
  const file = getClaimsFile();
  if (!cache || cache.file !== file) {
    const order = REGISTRY.map((c) => c.id as string);
    const missing = order.filter((id) => !file.claims.some((c) => c.id === id));
    if (missing.length) throw new Error(`claims.json lacks ${missing.join(', ')}: run \`npm run data\` to re-evaluate the claims.`);
    cache = { file, cards: [...file.claims].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)).map(buildCard) };
  }
  return cache.cards;
}

export function card(id: string): Card {
  const c = cards().find((x) => x.id === id);
  if (!c) throw new Error(`ClaimCard: unknown claim id "${id}" (the ids are the file names in src/lib/analysis/registry/).`);
  return c;
}
