/** Set-up project: builds the fixture sites (tests/support/fixture-sites.ts) before their specs run; an unchanged site is not rebuilt. */
import { test as setup } from '@playwright/test';
import { buildFixtureSite, FIXTURE_SITES, type FixtureName } from '../../support/fixture-sites.ts';

for (const name of Object.keys(FIXTURE_SITES) as FixtureName[]) {
  setup(`build the ${name} fixture site`, () => {
    setup.setTimeout(300_000);
    buildFixtureSite(name);
  });
}
