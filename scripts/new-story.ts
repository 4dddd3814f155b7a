/**
 * Start a new story:   npm run new-story -- "Children in care in the North East"
 *
 * Writes src/content/stories/<slug>.mdx with valid frontmatter: draft: true
 * (so it is built by `npm run dev` but never published), today's date, and
 * TODO placeholders for the standfirst and byline which the content schema
 * (src/content.config.ts) accepts in drafts and rejects once draft is false.
 * Refuses to overwrite an existing story. The clock and the folder are
 * injectable for tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function storySlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
}

export interface LatestRelease {
  /** Manifest id of the newest children-looked-after release (cla-ees-<year>). */
  source: string;
  /** Its year: the latest 31 March it covers. */
  year: number;
}

/** The newest CLA release in data/sources.json: the scaffold cites it, so a new story starts at the latest year. */
export function latestClaRelease(manifestPath = resolve(dirname(fileURLToPath(import.meta.url)), '../data/sources.json')): LatestRelease {
  const { sources } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { sources: Array<{ id: string; release: string }> };
  const cla = sources
    .filter((s) => /^cla-ees-/.test(s.id) && /^\d{4}$/.test(s.release))
    .sort((a, b) => Number(a.release) - Number(b.release))
    .at(-1);
  if (!cla) throw new Error(`${manifestPath} has no children-looked-after release (an entry with id cla-ees-<year>)`);
  return { source: cla.id, year: Number(cla.release) };
}

export function storyTemplate(title: string, today: string, latest: LatestRelease = latestClaRelease()): string {
  return `---
title: ${JSON.stringify(title)}
standfirst: "TODO: one or two sentences that sum up the story."
byline: "TODO: your name"
published: ${today}
tags: []
# Manifest ids (data/sources.json) of every source the story relies on.
sources: [${JSON.stringify(latest.source)}]
# corrections:            # newest first is automatic; shown on the story and on /corrections/
#   - date: ${today}
#     text: "What was wrong, and what it now says."
draft: true
---
import Fig from '../../components/editorial/Fig.astro';

{/* Every number comes from the data: see docs/editors-guide.md, "Citing a figure". */}

At 31 March ${latest.year}, councils in England looked after
<Fig m="cla_rate_per_10k" la="england" year={${latest.year}} /> — and in Blackpool
<Fig m="cla_rate_per_10k" la="blackpool" year={${latest.year}} />.
`;
}

export class StoryExistsError extends Error {}

export interface NewStoryOptions {
  title: string;
  /** Project root; default the current directory. */
  root?: string;
  /** Injectable clock. */
  now?: () => Date;
}

/** Create the story file; returns its path. Throws if the title is empty or the file exists. */
export function newStory({ title, root = process.cwd(), now = () => new Date() }: NewStoryOptions): string {
  const t = title.trim();
  const slug = storySlug(t);
  if (t.length < 5 || !slug) throw new Error(`Give the story a title of at least 5 characters: npm run new-story -- "Children in care in the North East"`);
  const dir = resolve(root, 'src/content/stories');
  const path = resolve(dir, `${slug}.mdx`);
  if (existsSync(path)) throw new StoryExistsError(`${relative(root, path)} already exists: not overwriting it. Choose another title, or edit that file.`);
  mkdirSync(dir, { recursive: true });
  const today = now().toISOString().slice(0, 10);
  writeFileSync(path, storyTemplate(t, today), { flag: 'wx' });
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const title = process.argv.slice(2).join(' ');
  try {
    const path = newStory({ title });
    console.log(`Created ${relative(process.cwd(), path)} (draft). Preview it with: npm run dev`);
  } catch (e) {
    console.error(`new-story: ${(e as Error).message}`);
    process.exit(1);
  }
}
