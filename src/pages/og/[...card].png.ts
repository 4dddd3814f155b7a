/**
 * /og/site.png, /og/stories/<id>.png and /og/councils/<slug>.png: social preview
 * images generated at build time (see _card.ts). The set of cards mirrors the
 * pages: every built story and every council page gets one.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLas } from '../../lib/data.ts';
import { getStories } from '../../lib/data/stories.ts';
import { cardPng, type Card } from './_card.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const paths: Array<{ params: { card: string }; props: { card: Card } }> = [
    {
      params: { card: 'site' },
      props: {
        card: {
          kicker: 'Data journalism',
          title: 'Council by council, in the official data',
          subtitle: 'Spending on children’s services, Ofsted judgements and children in care across England.',
        },
      },
    },
  ];
  for (const story of await getStories())
    paths.push({ params: { card: `stories/${story.id}` }, props: { card: { kicker: 'Story', title: story.data.title, subtitle: story.data.standfirst } } });
  for (const la of getLas())
    paths.push({
      params: { card: `councils/${la.slug}` },
      props: {
        card: {
          kicker: la.lastYear === null ? `Council · ${la.region}` : `Former council · ${la.region}`,
          title: la.name,
          subtitle: 'Spending, Ofsted judgements and children in care, year by year, compared with similar councils.',
        },
      },
    });
  return paths;
};

export const GET: APIRoute = async ({ props }) => {
  const png = await cardPng((props as { card: Card }).card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
