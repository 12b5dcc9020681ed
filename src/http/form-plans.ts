// Form plans are built once per questionnaire version and reused by every request.
import { buildFormPlan, type FormNode, type FormPlan } from '../forms/index.js';
import type { CompiledQuestionnaire } from '../questionnaire/index.js';

export class FormPlans {
  private readonly plans = new Map<string, FormPlan>();

  get(q: CompiledQuestionnaire): FormPlan {
    let plan = this.plans.get(q.hash);
    if (!plan) {
      // Stored questionnaires are bundled: every reference is local, nothing is fetched.
      plan = buildFormPlan(q.schema, (uri) => {
        throw new Error(`external reference ${uri} in a bundled questionnaire`);
      });
      this.plans.set(q.hash, plan);
    }
    return plan;
  }
}

/** Every English label of a plan (titles, hints, options), for translation coverage. */
export function planLabels(plan: FormPlan): string[] {
  const out: string[] = [];
  const visit = (n: FormNode | undefined) => {
    if (!n) return;
    if (n.title) out.push(n.title);
    if (n.description) out.push(n.description);
    for (const o of n.options ?? []) out.push(o.label);
    n.properties?.forEach(visit);
    visit(n.items);
    n.variants?.forEach((v) => visit(v.node));
  };
  visit(plan.root);
  return out;
}
