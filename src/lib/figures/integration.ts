/**
 * The editorial Astro integration (one line in astro.config.mjs):
 *   - generates src/lib/figures/ids.generated.ts (typed figure identifiers);
 *   - registers the remark plugin that checks <Fig>/<Fact>/<KeyFigure>
 *     citations in MDX at compile time, with file:line errors;
 *   - in dev, adds the Vite plugin that reloads the browser when data/output changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import remarkFigures, { satteriFiguresPlugin } from './remark-figures.ts';
import { dataReloadPlugin } from './data-reload.ts';
import { loadFigureIndex } from './load-index.ts';
import { writeIds } from './generate-ids.ts';

export default function editorial(): AstroIntegration {
  return {
    name: 'editorial',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        try {
          writeIds(loadFigureIndex(root), root);
        } catch (e) {
          logger.warn(`figure identifiers not generated: ${(e as Error).message}`);
        }
        // Astro 7's Markdown/MDX processor is Sätteri by default; integrations extend
        // it by mutating processor.options (documented in @astrojs/markdown-satteri).
        const processor = config.markdown.processor as { name: string; options: Record<string, unknown[]> };
        if (processor.name === 'satteri') {
          processor.options.mdastPlugins = [...(processor.options.mdastPlugins ?? []), satteriFiguresPlugin({ root })];
        } else if (processor.name === 'unified') {
          processor.options.remarkPlugins = [...(processor.options.remarkPlugins ?? []), [remarkFigures, { root }]];
        } else {
          logger.warn(`Markdown processor "${processor.name}" not supported: figure citations are checked only when pages render (no line numbers).`);
        }
        updateConfig({ vite: { plugins: [dataReloadPlugin(root)] } });
      },
    },
  };
}
