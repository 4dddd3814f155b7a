// Astro configuration: a fully static site with no inline scripts, so it can be
// served under a Content-Security-Policy without 'unsafe-inline'.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
// Editors' workflow: typed figure ids, compile-time <Fig> checks (file:line), dev reload on data change.
import editorial from './src/lib/figures/integration.ts';
// @astrojs/sitemap (sitemap-index.xml), with the noindex pages left out.
import sitemap from './src/integrations/sitemap.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'https://childrens-services.example',
  output: 'static',
  // Pages are built as folder/index.html, so every internal link ends in "/".
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Never inline stylesheets into <style> tags: everything is a file under /_astro/.
    inlineStylesheets: 'never',
  },
  // No prefetch script, no dev toolbar.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [editorial(), mdx(), sitemap()],
  security: {
    // Astro emits a <meta http-equiv="content-security-policy"> on every page,
    // hashing any script or style it bundles. We add our own directives: no
    // third-party origins at all.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    build: {
      // No assets inlined as data: URIs or inline scripts.
      assetsInlineLimit: 0,
    },
  },
});
