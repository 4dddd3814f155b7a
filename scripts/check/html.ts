/**
 * Gate 1: every built page is valid HTML under html-validate's recommended preset,
 * configured in .htmlvalidate.json (relaxations are explained in docs/quality.md).
 *
 *   tsx scripts/check/html.ts            # over dist/ (CHECK_DIST to change)
 *
 * Prints each problem as "path line:col rule message" and exits 1 on any error.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { builtPages, distDir, exitWith } from './dist.ts';

const dist = distDir();
const pages = builtPages(dist);
// The project's config, applied wherever dist is (a temp build dir has no .htmlvalidate.json above it).
const config = JSON.parse(readFileSync(resolve('.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate(new StaticConfigLoader({ ...config, root: true }));
let errors = 0;
let warnings = 0;
const byRule = new Map<string, number>();
for (const page of pages) {
  const report = await validator.validateFile(page.file);
  for (const result of report.results) {
    for (const m of result.messages) {
      if (m.severity >= 2) errors++;
      else warnings++;
      byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
      if (errors + warnings <= 200)
        console.log(`${m.severity >= 2 ? 'error' : 'warn '} ${relative(dist, page.file)} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
}
if (byRule.size) console.log(`by rule: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
exitWith({
  name: 'html',
  ok: errors === 0,
  summary: `${pages.length} pages validated, ${errors} errors, ${warnings} warnings`,
});
