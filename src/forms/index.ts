// forms: owns JSON Schema → HTML (a ranked tester + renderer registry), form post → typed
// JSON (parsing, row actions, pruning of hidden branches) and validation errors → messages
// for people. Pure: no HTTP, no database, no I/O. Imports only src/lib.
//
// Use: build the plan once per questionnaire version (buildFormPlan). On a post to a page,
//   - `_action` set (an Add/Remove button): parsePage keeps blank rows in place; put the
//     page into the answers, applyAction, store as a draft if wanted, show the page again
//     without validating;
//   - otherwise: parsePage (with `previous` to keep readOnly answers), put it into the
//     answers, prune, validate with ajv (allErrors), mapErrors(plan, errors, t, label, data),
//     and on errors show renderErrorSummary + renderPage with ctx.data = the submitted answers.
// The HTTP layer wraps what it renders: a <form method="post" novalidate> whose first
// control is a (visually hidden) default submit button, so that Enter in a text box saves
// rather than pressing the first "Add"/"Remove" button; CSS with `[hidden] { display: none
// !important }`; and it serves client/conditional.js.
export { buildFormPlan, type PlanOptions } from './plan.js';
export { RendererRegistry, createRegistry, defaultRegistry, defaultRenderers } from './registry.js';
export { renderPage, renderErrorSummary, renderReadOnly, visiblePages, getPage } from './render.js';
export { parsePage, applyAction, type ParseOptions } from './parse.js';
export { prune, prunePage } from './prune.js';
export { mapErrors } from './errors.js';
export { pageProgress, diffData, type PageProgress, type FieldDiff } from './summary.js';
export { evaluate } from './condition.js';
export { fieldId, getAt, setAt } from './pointer.js';
export { locate } from './walk.js';
export type {
  FormPlan, FormPage, FormNode, Renderer, RenderContext, FormBody, Translate, JsonSchema, ChoiceOption, Condition,
  ProvisionAnnotation, ArticleAnnotation, ValidationErrorLike,
} from './types.js';
