/**
 * Gate 5 (escaping): text from data files is always rendered as text.
 *
 * 1. Copies the pipeline outputs (XSS_BASE, default data/output/) to a temp folder
 *    and renames one current council to a markup payload (PAYLOAD) in every JSON
 *    file where its name appears (las, panel, inspections, geo…). The real outputs
 *    are the default because a build from the small fixtures (tests/fixtures/output)
 *    fails on the editorial examples, which cite figures the fixtures lack; with
 *    XSS_BASE=tests/fixtures/output, files the fixture lacks are filled from data/output.
 * 2. Builds the site from it: DATA_OUTPUT_DIR=<tmp>/output astro build --outDir <tmp>/dist.
 * 3. Static assertions on every built page that mentions the council: the payload
 *    never becomes an element, attribute or executable script (see escapingProblems).
 * 4. Runs tests/e2e/xss.spec.ts over those pages in Chromium: no <img src="x">
 *    exists, no dialog (alert) fires, and the name reads as text.
 *
 *   tsx scripts/check/xss.ts            # XSS_KEEP=1 keeps the temp folder
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { builtPages, exitWith, type CheckResult } from './dist.ts';

export const PAYLOAD = `<img src=x onerror=alert(1)>Testshire "quoted" & <script>alert(2)</script>`;

/** Replace a JSON string value everywhere in a JSON text (exact, as JSON-encoded). */
export function renameInJson(json: string, from: string, to: string): { text: string; count: number } {
  const needle = JSON.stringify(from);
  const parts = json.split(needle);
  return { text: parts.join(JSON.stringify(to)), count: parts.length - 1 };
}

/**
 * Problems in one built page that mentions the payload council (empty when safely
 * rendered). Markup characters inside a quoted attribute value or a JSON data island
 * are inert; what matters is whether the payload became an element, an attribute or
 * executable script, or broke a JSON island open.
 */
export function escapingProblems(html: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(html);
  if (document.querySelector('img[src="x"]')) problems.push('an <img src="x"> element exists: the name was rendered as markup');
  for (const el of document.querySelectorAll('[onerror]')) problems.push(`<${el.tagName.toLowerCase()} onerror> exists`);
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    const text = s.textContent ?? '';
    if (type.includes('json')) {
      try {
        JSON.parse(text);
      } catch {
        problems.push('a JSON data island does not parse: data text broke out of it');
      }
    } else if (text.includes('alert(2)')) problems.push('an executable <script> contains the payload');
  }
  return problems;
}

/** The council's own page plus up to two pages of each other section (council, map, story…). */
export function sampleByType(paths: string[], own: string): string[] {
  const out = paths.includes(own) ? [own] : [];
  const perSection = new Map<string, number>();
  for (const p of paths) {
    if (p === own) continue;
    const section = p.split('/').filter(Boolean)[0] ?? '';
    const n = perSection.get(section) ?? 0;
    if (n < 2) out.push(p);
    perSection.set(section, n + 1);
  }
  return out;
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walkFiles(join(dir, n)) : [join(dir, n)]));
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('xss.ts')) {
  const root = process.cwd();
  const tmp = mkdtempSync(join(tmpdir(), 'xss-'));
  const out = join(tmp, 'output');
  const dist = join(tmp, 'dist');
  const problems: string[] = [];
  const finish = (result: CheckResult): never => {
    if (process.env.XSS_KEEP !== '1') rmSync(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
    return exitWith(result);
  };
  try {
    const base = resolve(process.env.XSS_BASE || 'data/output');
    if (!existsSync(join(base, 'las.json'))) finish({ name: 'xss', ok: false, summary: `${base}/las.json not found: run npm run data first` });
    cpSync(base, out, { recursive: true });
    const real = resolve(process.env.XSS_FILL_FROM || 'data/output');
    if (existsSync(real))
      for (const f of walkFiles(real)) {
        const rel = relative(real, f);
        if (!existsSync(join(out, rel)) && !rel.startsWith('.')) cpSync(f, join(out, rel));
      }
    const las = JSON.parse(readFileSync(join(out, 'las.json'), 'utf8')) as { las: Array<{ name: string; slug: string; status: string }> };
    const victim = las.las.find((l) => l.status === 'current') ?? las.las[0]!;
    let replaced = 0;
    for (const f of walkFiles(out).filter((f) => f.endsWith('.json'))) {
      const { text, count } = renameInJson(readFileSync(f, 'utf8'), victim.name, PAYLOAD);
      if (count) writeFileSync(f, text);
      replaced += count;
    }
    console.log(`renamed "${victim.name}" (/councils/${victim.slug}/) to ${JSON.stringify(PAYLOAD)} in ${replaced} places`);

    const t = Date.now();
    const build = spawnSync('astro', ['build', '--outDir', dist], {
      cwd: root,
      env: { ...process.env, DATA_OUTPUT_DIR: out },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      console.log((build.stdout + build.stderr).split('\n').slice(-30).join('\n'));
      finish({ name: 'xss', ok: false, summary: 'the fixture site did not build (see above)' });
    }
    console.log(`fixture site built in ${((Date.now() - t) / 1000).toFixed(0)} s`);

    const mentioning: string[] = [];
    for (const page of builtPages(dist)) {
      const html = readFileSync(page.file, 'utf8');
      if (!html.includes('Testshire')) continue;
      mentioning.push(page.path);
      for (const p of escapingProblems(html)) problems.push(`${page.path}: ${p}`);
    }
    if (!mentioning.includes(`/councils/${victim.slug}/`)) problems.push(`the council's own page /councils/${victim.slug}/ does not show its name`);
    if (mentioning.length < 2) problems.push(`only ${mentioning.length} pages mention the council: the check would be vacuous`);
    console.log(`${mentioning.length} pages mention the council: ${mentioning.slice(0, 8).join(', ')}${mentioning.length > 8 ? ', …' : ''}`);
    for (const p of problems) console.log(p);

    // In the browser: no element from the payload, no dialog, the name is text.
    const pw = spawnSync('playwright', ['test', '--config', 'scripts/check/xss.playwright.config.ts', '--reporter=line'], {
      cwd: root,
      env: {
        ...process.env,
        E2E_DIST_DIR: dist,
        E2E_PORT: process.env.XSS_PORT || '4417',
        // The council's own page first, then a sample of the others (every page type that shows it).
        XSS_PAGES: JSON.stringify(sampleByType(mentioning, `/councils/${victim.slug}/`)),
        XSS_PAYLOAD: PAYLOAD,
        XSS_OWN_PAGE: `/councils/${victim.slug}/`,
      },
      encoding: 'utf8',
    });
    console.log((pw.stdout + pw.stderr).trim().split('\n').slice(-15).join('\n'));
    if (pw.status !== 0) problems.push('the browser check failed (see above)');
    finish({
      name: 'xss',
      ok: problems.length === 0,
      summary: `${mentioning.length} pages render the markup-named council as text (static + browser), ${problems.length} problems`,
    });
  } catch (e) {
    console.log(e instanceof Error ? e.stack : String(e));
    finish({ name: 'xss', ok: false, summary: 'the check itself failed (see above)' });
  }
}
