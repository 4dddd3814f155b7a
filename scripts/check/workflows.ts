/**
 * `npm test` stage "workflows": every GitHub Actions workflow is valid against
 * the workflow schema (@action-validator/cli), and every `npm run <script>` a
 * workflow calls exists in package.json. Exit 1 with the file and problem.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = '.github/workflows';
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(dir, f));
const scripts = new Set(Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts));
let failed = 0;
for (const f of files) {
  const r = spawnSync('action-validator', [f], { encoding: 'utf8' });
  if (r.status !== 0) {
    failed++;
    console.error(`✗ ${f}: not a valid workflow\n${r.stdout}${r.stderr}`);
  }
  readFileSync(f, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/npm run ([\w:-]+)/g)) {
        if (!scripts.has(m[1]!)) {
          failed++;
          console.error(`✗ ${f}:${i + 1}: "npm run ${m[1]}" is not a script in package.json`);
        }
      }
    });
  if (r.status === 0) console.log(`✓ ${f}`);
}
console.log(`${files.length - failed >= 0 ? files.length : 0} workflow files checked, ${failed} problem(s)`);
process.exit(failed ? 1 : 0);
