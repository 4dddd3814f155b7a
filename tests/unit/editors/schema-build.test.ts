/**
 * The REAL failure messages an editor sees, from `astro build` on a throwaway
 * mini-site in a temp folder: the project's content.config.ts and editorial
 * integration, one page, and a story with a mistake. Two builds (slow: ~10 s each):
 *   1. bad frontmatter → the content layer names the FILE and the FIELD;
 *   2. a bad <Fig> → the MDX compile names file:line and the nearest choices.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { storyTemplate } from '../../../scripts/new-story.ts';
import { buildSite, miniSite as site, removeMiniSites } from '../../support/mini-site.ts';

afterAll(removeMiniSites);

function miniSite(stories: Record<string, string>): string {
  return site({
    prefix: 'editors-build',
    copy: ['data/sources.json', 'src/content.config.ts', 'src/lib/figures', 'contract'],
    write: {
      'astro.config.mjs': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport editorial from './src/lib/figures/integration.ts';\nexport default defineConfig({ integrations: [editorial(), mdx()], devToolbar: { enabled: false } });\n`,
      // A stand-in: the compile-time check matches the element NAME, before the component runs.
      'src/components/Fig.astro': '---\n---\n<span>fig</span>\n',
      'src/pages/[slug].astro': `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('stories')).map((s) => ({ params: { slug: s.id }, props: { s } }));\n}\nconst { Content } = await render(Astro.props.s);\n---\n<Content />\n`,
    },
    stories,
  });
}

const build = (dir: string) => buildSite(dir, {}, 120_000);

const front = (fields: string) => `---\n${fields}\n---\nBody.\n`;
const good = `title: "A good story"\nstandfirst: "A standfirst of reasonable length."\nbyline: "Data team"\npublished: 2026-11-20\nsources: ["cla-ees-2025"]`;

describe('astro build on a mini-site', () => {
  it('bad frontmatter fails naming the file and the field', () => {
    const dir = miniSite({
      'good.mdx': front(good),
      // The scaffold from `npm run new-story` is valid as a draft, TODOs and all.
      'scaffold.mdx': storyTemplate('A new story', '2026-11-22'),
      'bad-frontmatter.mdx': front(
        `title: "A story with mistakes"\npublised: 2026-11-20\nstandfirst: "TODO: one or two sentences that sum up the story."\nbyline: "TODO: your name"\npublished: 2026-11-20\nsources: ["cla-ees-2052"]\ndraft: false`,
      ),
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('bad-frontmatter');
    expect(output).toMatch(/byline: still contains the TODO placeholder/);
    expect(output).toMatch(/sources\.0: unknown source id "cla-ees-2052".*Nearest ids: .*cla-ees-2025/);
    expect(output).toMatch(/standfirst: still contains the TODO placeholder/);
    expect(output).toMatch(/Location:\s+\S+src\/content\/stories\/bad-frontmatter\.mdx/);
    expect(output).toMatch(/unknown frontmatter field "publised": the fields are title, standfirst/); // a misspelt field is an error, not silently ignored
    expect(output).not.toMatch(/stories → (good|scaffold)/);
    console.log(
      output
        .split('\n')
        .filter((l) => /bad-frontmatter|byline|sources|standfirst|publised|nrecognized|Location/.test(l))
        .join('\n'),
    );
  });

  it('a bad <Fig> fails naming file:line and the nearest valid choices', () => {
    const dir = miniSite({
      'figs.mdx': `${front(good).replace('Body.\n', '')}import Fig from '../../components/Fig.astro';\n\nIn Blackpool <Fig m="cla_rate_per_10k" la="blackpol" year={2024} />.\n`,
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/src\/content\/stories\/figs\.mdx:10:\d+: <Fig m="cla_rate_per_10k" la="blackpol" year=\{2024\} \/>/);
    expect(output).toContain('la: unknown area "blackpol"');
    expect(output).toContain('"blackpool" (Blackpool, E06000009)');
    console.log(
      output
        .split('\n')
        .filter((l) => /figs\.mdx|unknown area|Nearest/.test(l))
        .join('\n'),
    );
  });
});
