// The page shell: language and direction, skip link, header with navigation and language
// switcher, main landmark. Every page goes through it, so accessibility basics are in one place.
import { html, raw, type SafeHtml, type HtmlValue } from '../../lib/html.js';
import { LANGUAGES, LANGUAGE_NAMES, dir, type Lang, type Translate } from '../../i18n/index.js';
import type { Actor } from '../../auth/index.js';

export interface PageContext {
  lang: Lang;
  t: Translate;
  actor: Actor | null;
  csrfToken: string;
  /** Current path with query, for the language links. */
  url: string;
}

export function pageContext(req: { lang: Lang; t: Translate; actor: Actor | null; csrfToken: string; originalUrl: string }): PageContext {
  return { lang: req.lang, t: req.t, actor: req.actor, csrfToken: req.csrfToken, url: req.originalUrl };
}

function withLang(url: string, lang: Lang): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">`;
}

export function layout(ctx: PageContext, opts: { title: string; body: HtmlValue; scripts?: string[] }): string {
  const { t, actor } = ctx;
  const nav = actor
    ? html`<nav aria-label="${t('nav.label')}"><ul class="nav">
        <li><a href="/">${t('nav.home')}</a></li>
        ${actor.isSecretariat && html`<li><a href="/secretariat/users">${t('nav.users')}</a></li><li><a href="/secretariat/audit">${t('nav.audit')}</a></li>`}
        <li><form method="post" action="/logout" class="inline">${csrfField(ctx)}<button type="submit" class="link-button">${t('nav.signOut')}</button></form></li>
      </ul></nav>`
    : '';
  const languages = html`<nav aria-label="${t('nav.languages')}"><ul class="languages">${LANGUAGES.map((l) =>
    l === ctx.lang
      ? html`<li><span aria-current="true" lang="${l}">${LANGUAGE_NAMES[l]}</span></li>`
      : html`<li><a href="${withLang(ctx.url, l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
  )}</ul></nav>`;
  // Texts the scripts show are carried as data attributes: scripts hold no language.
  return `<!doctype html>${html`<html lang="${ctx.lang}" dir="${dir(ctx.lang)}" data-saved-text="${t('q.autosaved')}" data-conflict-text="${t('q.autosaveConflict')}" data-unsaved-text="${t('q.autosaveFailed')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} — ${t('app.name')}</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<a class="skip-link" href="#main">${t('app.skipToContent')}</a>
<header class="site-header">
  <div class="container header-row">
    <p class="app-name"><a href="/">${t('app.name')}</a></p>
    ${actor && html`<p class="signed-in">${t('app.signedInAs', { name: actor.displayName })}</p>`}
    ${languages}
    ${nav}
  </div>
  <p class="container confidential">${t('app.confidential')}</p>
</header>
<main id="main" class="container" tabindex="-1">
${opts.body}
</main>
<footer class="site-footer"><div class="container">${t('app.footer')}</div></footer>
${(opts.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
</body>
</html>`}`;
}

export function errorSummary(t: Translate, errors: { href: string; message: string }[]): SafeHtml | '' {
  if (!errors.length) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${t('form.errorSummary.title')}</h2>
  <ul>${errors.map((e) => html`<li><a href="${e.href}">${e.message}</a></li>`)}</ul>
</div>`;
}

export { raw };
