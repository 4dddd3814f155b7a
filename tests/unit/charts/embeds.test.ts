import { describe, expect, it } from 'vitest';
import { asPageHeading, chartFigures, embedHeight, embedSnippet, figureTitle, storyOfPath, viewBoxHeight } from '../../../src/lib/embed/embeds.ts';

const block = (id: string, inner = '') =>
  `<figure class="chart-block chart-block--line" id="${id}" data-chart="line"><h3 class="chart-title" id="${id}-title">Rates &amp; “counts”</h3>${inner}<figcaption>x</figcaption></figure>`;

describe('embeds', () => {
  it('cuts every chart block out of a page, nested figures included, and nothing else', () => {
    const html = `<p>before</p>${block('a', '<figure class="other"><p>in</p></figure>')}<figure class="claim">not a chart</figure>${block('b')}<p>after</p>`;
    const figs = chartFigures(html);
    expect(figs.map((f) => f.id)).toEqual(['a', 'b']);
    expect(figs[0]!.html).toBe(block('a', '<figure class="other"><p>in</p></figure>'));
    expect(figs[1]!.html.endsWith('</figcaption></figure>')).toBe(true);
  });

  it('fails on a block without its closing tag', () => {
    expect(() => chartFigures('<figure class="chart-block" id="x"><p>')).toThrow(/chart block "x": no closing/);
  });

  it("makes the block's heading the page's h1 and reads its text", () => {
    const h = asPageHeading(block('a'));
    expect(h).toContain('<h1 class="chart-title" id="a-title">Rates &amp; “counts”</h1>');
    expect(h).not.toContain('<h3');
    expect(figureTitle(h)).toBe('Rates & “counts”');
  });

  it('knows story pages, viewBox heights and escapes the snippet', () => {
    expect(storyOfPath('/stories/the-ratings/')).toBe('the-ratings');
    expect(storyOfPath('/councils/kent/')).toBeNull();
    expect(storyOfPath('/stories/')).toBeNull();
    expect(viewBoxHeight('<svg viewBox="0 0 640 340" class="x">')).toBe(340);
    // 340 × 1.2 + 150 + 3 × 45 = 693 → 700
    expect(embedHeight(340, 3)).toBe(700);
    expect(embedSnippet('https://s.example/embed/a/b/', 'A "quoted" <title>', 700)).toBe(
      '<iframe src="https://s.example/embed/a/b/" title="A &quot;quoted&quot; &lt;title&gt;" width="100%" height="700" loading="lazy" style="border:0"></iframe>',
    );
  });
});
