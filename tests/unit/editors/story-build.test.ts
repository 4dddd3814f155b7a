/**
 * A story that uses every figure and chart component (fixtures/every-component.mdx),
 * built by `astro build` as a small site: the project's src/ with only the story
 * route, the project's astro.config.mjs and integrations, and the pipeline
 * output. Then a story with one of each mistake from the editors' issue, which
 * must fail the build naming each mistake's file:line:col. Slow (two builds).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, miniSite, removeMiniSites, ROOT } from '../../support/mini-site.ts';

afterAll(removeMiniSites);

function site(stories: Record<string, string>): string {
  return miniSite({
    prefix: 'editors-story',
    copy: [
      // The manifest and the editorial files (decisions, policies) the site reads beside the outputs.
      ...readdirSync(join(ROOT, 'data'))
        .filter((n) => n.endsWith('.json'))
        .map((n) => `data/${n}`),
      'contract',
      'scripts',
      {
        path: 'src',
        filter: (src) => !src.includes('/src/pages') && !src.includes('/src/content/stories') && !src.endsWith('ids.generated.ts'),
      },
      'src/pages/stories/[...slug].astro',
      // Modules the layouts import from src/pages (private files, not routes).
      'src/pages/og/_paths.ts',
      'src/pages/og/_card.ts',
      'astro.config.mjs',
      'tsconfig.json',
    ],
    write: {
      // A councils route so /councils/<slug>/ links resolve as on the real site.
      'src/pages/councils/[slug].astro': `---\nexport function getStaticPaths() { return [{ params: { slug: 'blackpool' } }]; }\n---\n<p>council</p>\n`,
    },
    stories,
  });
}

const build = (dir: string) => buildSite(dir, { INCLUDE_DRAFTS: '1' });

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/every-component.mdx'), 'utf8');
/** The worked example in docs/editors-guide.md: the first ```mdx block that is a whole story (starts with frontmatter). */
const guide = readFileSync(join(ROOT, 'docs/editors-guide.md'), 'utf8');
const worked = [...guide.matchAll(/```mdx\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith('---\n'));

describe('a story using every component, built as a small site', () => {
  it('builds; measure-first charts, title placeholders and the derived Sources box work', () => {
    expect(worked, 'the worked example in docs/editors-guide.md').toBeTruthy();
    const dir = site({ 'every-component.mdx': fixture, 'worked-example.mdx': worked! });
    const { status, output } = build(dir);
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(status).toBe(0);
    const html = readFileSync(join(dir, 'dist/stories/every-component/index.html'), 'utf8');
    const has = (s: string | RegExp) => (typeof s === 'string' ? html.includes(s) : s.test(html));
    for (const id of ['mf-line', 'old-line', 'mf-bar', 'old-stack', 'mf-scatter', 'mf-strip', 'mf-multiples', 'mf-likert'])
      expect(has(`id="${id}"`), id).toBe(true);
    // {years} {year} {from} {to} filled from each chart's own data (the pipeline's years end in 2025).
    expect(has(/>Children in care per 10,000, 2015–20\d\d</), '{years}').toBe(true);
    expect(has('>Every council, 2024<'), '{year}').toBe(true);
    expect(has(/>Three areas, 2015 to 20\d\d</), '{from} to {to}').toBe(true);
    // No frontmatter sources: the box lists what the figures and charts cite.
    const box = html.slice(html.indexOf('id="sources-h"'));
    for (const id of [
      'cla-ees-2025',
      'iod-2019-utla' /* the Scatter's x measure */,
      'ofsted-outcomes-2025' /* the LikertBar */,
      'lait-2026-04' /* the StackedArea */,
    ]) {
      expect(box.includes(`/sources/#${id}`), id).toBe(true);
    }
    expect(has('__loc'), 'no __loc in the HTML').toBe(false);
    // Key-figure strip: Fig with a label and the KeyFigure alias render the same item.
    expect(html.match(/class="key-figure"/g)?.length, 'key figures').toBe(2);
    // The guide's worked example builds, with its placeholders filled and a derived Sources box.
    const ex = readFileSync(join(dir, 'dist/stories/worked-example/index.html'), 'utf8');
    expect(/>Children in care per 10,000 children, 2015–20\d\d</.test(ex), 'worked example {years}').toBe(true);
    expect(ex.slice(ex.indexOf('id="sources-h"')).includes('/sources/#cla-ees-2025'), 'worked example sources').toBe(true);
    // highlight given as a slug reaches the chart as the council's name.
    expect(has(/id="mf-strip"[\s\S]*<option value="Hartlepool" selected/), 'highlight slug').toBe(true);
  });
});

/** Each mistake from the issue, one per line; the expected line:col and message fragment. */
const head = `---\ntitle: "A story with mistakes"\nstandfirst: "Each line below has one mistake from the issue."\nbyline: "Data team"\npublished: 2026-11-20\n---\nimport LineChart from '../../components/charts/LineChart.astro';\nimport BarChart from '../../components/charts/BarChart.astro';\nimport DotStrip from '../../components/charts/DotStrip.astro';\nimport { series } from '../../lib/figures/series.ts';\n\nexport const rows = series('cla_rate_per_10k', ['england', 'blackpool'], { from: 2015, to: 2015 });\n\n`;
export const MISTAKES: Array<{ mdx: string; message: RegExp }> = [
  {
    mdx: `<LineChart title="Rates" data={rows} x="year" y="rate" z="area" />`,
    message: /y="rate" is not a field of the data\. The data's fields are "year", "area", "value"\. Nearest: "value"/,
  },
  {
    mdx: `<LineChart title="Rates" measure="cla_rate_per_10k" areas={['england']} from={2030} />`,
    message: /areas: no data: "cla_rate_per_10k" has no figures for England between 2030 and the latest year, so the chart would be empty/,
  },
  {
    mdx: `<LineChart title="Rates" measure="cla_rate_per_10k" areas={['england', 'hartlepol']} />`,
    message: /areas: unknown area "hartlepol".*Nearest valid choices: "hartlepool" \(Hartlepool, E06000001\)/,
  },
  {
    mdx: `<LineChart title="Rates" data={rows} x="year" y="value" z="area" unit="per 10k" />`,
    message: /unit: "per 10k" is not a unit\. Use one of "count", "per10k".*Nearest: "per10k"/,
  },
  {
    mdx: `<LineChart title="Rates" measure="cla_rate_per_10k" areas={['england']} unit="percent" />`,
    message: /unit: "percent" contradicts the measure "cla_rate_per_10k", which is per 10,000 children \(unit "per10k"\)/,
  },
  {
    mdx: `<BarChart title="Children in need" measure="cin_count" year={2011} />`,
    message: /year: "cin_count" has no 2011 figures for any council \(the series covers 20\d\d–20\d\d\), so the chart would be empty/,
  },
  {
    mdx: `<DotStrip title="Rates" measure="cla_rate_per_10k" year={2024} highlight="Hartlepol" />`,
    message: /highlight: no council "Hartlepol" in this chart\. Nearest valid choices: "hartlepool" \(Hartlepool, E06000001\)/,
  },
  {
    mdx: `<LineChart title="Children in care, 2024-25" data={rows} x="year" y="value" z="area" />`,
    message: /title: says "2024-25" but the chart's data cover 2015\. Write \{from\}, \{to\} or \{years\}/,
  },
  {
    mdx: `See [Blackpool](/councils/blackpol/).`,
    message: /link "\/councils\/blackpol\/": no such page on this site\. Nearest pages: "\/councils\/blackpool\/"/,
  },
];

describe('every mistake from the issue fails the build at its file:line:col', () => {
  it('one build, every mistake reported with its line', () => {
    const body = MISTAKES.map((m) => m.mdx).join('\n\n');
    const dir = site({ 'mistakes.mdx': `${head}${body}\n` });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    const firstLine = head.split('\n').length;
    MISTAKES.forEach((m, i) => {
      const line = firstLine + i * 2;
      const col = m.mdx.startsWith('See') ? 5 : 1;
      const at = output.indexOf(`src/content/stories/mistakes.mdx:${line}:${col}: `);
      expect(at, `mistake ${i + 1} at line ${line}`).toBeGreaterThan(-1);
      expect(output.slice(at).split('\n').slice(0, 2).join('\n')).toMatch(m.message);
    });
    expect(output).toContain(`${MISTAKES.length} mistakes in this story, found when it compiled`);
    console.log(
      output
        .split('\n')
        .filter((l) => /mistakes\.mdx:|^\s{4}\S/.test(l))
        .slice(0, 2 * MISTAKES.length)
        .join('\n'),
    );
  });
});
