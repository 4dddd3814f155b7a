/**
 * Editorial settings (data/editorial.json) and the build-time check on them.
 *
 * Named bylines and a corrections contact need names and an address from the
 * editors, which the code must not invent. Until they are filled in, the build
 * WARNS, saying exactly what to add where; with EDITORIAL_STRICT=1 it fails
 * instead (for a release build once the editors have supplied them). Nothing
 * is shown to readers in place of a missing contact.
 */
import settings from '../../data/editorial.json';

export interface EditorialSettings {
  /** The address readers write to about an error, or null until the editors supply one. */
  correctionsEmail: string | null;
  /** Bylines that name no person ("Data team"). */
  unnamedBylines: readonly string[];
}

export const EDITORIAL: EditorialSettings = settings as EditorialSettings;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface StoryByline {
  id: string;
  byline: string;
  draft: boolean;
}

/** What the editors still have to add, one message each, saying what and where. Empty when nothing is missing. */
export function editorialGaps(stories: readonly StoryByline[], s: EditorialSettings = EDITORIAL): string[] {
  const gaps: string[] = [];
  if (s.correctionsEmail === null) {
    gaps.push(
      'no corrections contact: set "correctionsEmail" in data/editorial.json to the address readers should write to (e.g. "corrections@your-domain"); the corrections page, the about page and the end of every story will show it',
    );
  } else if (!EMAIL.test(s.correctionsEmail)) {
    gaps.push(`"correctionsEmail" in data/editorial.json is "${s.correctionsEmail}", which is not an email address: write it as name@domain`);
  }
  const unnamed = new Set(s.unnamedBylines.map((b) => b.trim().toLowerCase()));
  for (const story of stories) {
    if (story.draft || !unnamed.has(story.byline.trim().toLowerCase())) continue;
    gaps.push(
      `story "${story.id}": byline "${story.byline}" names no one: write the reporters' names in its frontmatter (byline: "Jane Smith and Ali Khan" with the real names)`,
    );
  }
  return gaps;
}

let checked = false;
/**
 * Run the check once per build: print each gap as a warning, or throw with all of them when
 * EDITORIAL_STRICT=1. Returns the gaps.
 */
export function checkEditorial(
  stories: readonly StoryByline[],
  env: Record<string, string | undefined> = process.env,
  s: EditorialSettings = EDITORIAL,
): string[] {
  const gaps = editorialGaps(stories, s);
  if (gaps.length && env.EDITORIAL_STRICT === '1') {
    throw new Error(`Editorial settings incomplete (EDITORIAL_STRICT=1):\n${gaps.map((g) => `  - ${g}`).join('\n')}`);
  }
  if (!checked) {
    checked = true;
    for (const g of gaps) console.warn(`[editorial] ${g}`);
  }
  return gaps;
}

/** The corrections address, when the editors have supplied a valid one. */
export function correctionsEmail(s: EditorialSettings = EDITORIAL): string | null {
  return s.correctionsEmail !== null && EMAIL.test(s.correctionsEmail) ? s.correctionsEmail : null;
}
