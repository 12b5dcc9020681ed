import type { Request } from 'express';
import { html } from '../../lib/html.js';
import type { Problem } from '../../lib/errors.js';
import { translator } from '../../i18n/index.js';
import { layout, pageContext } from '../views/layout.js';

/** The HTML face of a Problem: a heading in plain words, the message, a way back. */
export function renderErrorPage(problem: Problem, req: Request): string {
  if (!req.t) {
    req.t = translator('en');
    req.lang = 'en';
    req.actor = null;
    req.csrfToken = '';
  }
  const { t } = req;
  const heading = t(`error.${problem.status}.title`) === `error.${problem.status}.title` ? t('error.generic.title') : t(`error.${problem.status}.title`);
  const body = html`<h1>${heading}</h1>
<p>${problem.status === 404 ? t('error.404.body') : problem.message}</p>
<p><a href="/">${t('error.backHome')}</a></p>`;
  return layout(pageContext(req), { title: heading, body });
}
