/**
 * Reader copy check over the built site: the words a reader sees (page text
 * without scripts, styles, tag attributes or <code>) must hold no internal
 * notes — how the site was made, file names, field names, source ids — and
 * none of the known bad phrasings. Used by reader-copy.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** skip: pages (paths under dist/) where the rule does not apply, e.g. the data dictionary names its CSV columns. */
export interface Rule {
  name: string;
  re: RegExp;
  skip?: RegExp;
}

export function rules(sourceIds: readonly string[]): Rule[] {
  const ids = sourceIds.filter((id) => /-/.test(id)).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return [
    { name: 'a note about the brief', re: /\b(our|the) brief\b/i },
    { name: 'the build pipeline', re: /\b(spending |data )?pipeline\b/i },
    { name: 'an output file name', re: /\b[\w-]+\.(json|ts|mdx|astro)\b/i },
    { name: 'a code identifier', re: /\b(spendChecks|socialWorkClaim|missingReason|la_code|cla_count)\b/, skip: /^data\// },
    { name: 'an internal source credit', re: /\(LGA\/Newton, five factors\)/i },
    { name: 'a doubled word', re: /\bre-inspection inspection\b/i },
    { name: 'a zero change', re: /\((up|down) 0%\)/ },
    { name: 'a regression formula', re: /\by = -?[\d.,]+ [+−-] [\d.,]+ × x\b/ },
    { name: 'chart-type jargon', re: /\bDot strip of \d+ values\b/ },
    { name: 'a hyphen used as a minus sign', re: /(?:^|[\s(])-\d/ },
    ...(ids.length ? [{ name: 'a raw source id', re: new RegExp(`(?<![\\w/.-])(${ids.join('|')})(?![\\w-])`) }] : []),
  ];
}

/** Visible text of an HTML page: no script/style/template/code/pre/svg, no tags, common entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template|code|pre|svg)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

export interface Finding {
  file: string;
  rule: string;
  excerpt: string;
}

export function scan(dist: string, sourceIds: readonly string[], skip: (file: string) => boolean = () => false): Finding[] {
  const rs = rules(sourceIds);
  const found: Finding[] = [];
  for (const f of htmlFiles(dist)) {
    const rel = relative(dist, f);
    if (skip(rel)) continue;
    const text = visibleText(readFileSync(f, 'utf8'));
    for (const r of rs) {
      if (r.skip?.test(rel)) continue;
      const m = r.re.exec(text);
      if (m) found.push({ file: rel, rule: r.name, excerpt: text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60).trim() });
    }
  }
  return found;
}
