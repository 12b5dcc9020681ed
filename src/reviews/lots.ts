/**
 * The drawing of lots: which States parties review which State under review in a phase.
 *
 * Pure: no database, no I/O, no clock (except `benchDraw`, which times itself). Every draw is a
 * function of its input, and the input (seed, States under review, pool, rules, existing
 * assignments) is what the caller records for audit: re-running it gives the same result.
 *
 * The rules (see /work/shared/domain.md, "Who reviews whom"):
 *  - each State under review gets one reviewer from its own regional group (`same_group`) and one
 *    from another group (`other_group`), never itself. A State with no regional group follows
 *    `rules.ungrouped`: either two reviewers from two different groups (both `other_group`), or it
 *    is treated as a member of a given group. With `treatAs`, ungrouped parties drawn as reviewers
 *    (only if `ungroupedMayReview`) count as members of that group too.
 *  - a reviewer reviews exactly the instruments under review that both it and the State under
 *    review are party to. For each main reviewer that is not party to all of them, one extra
 *    reviewer (`extra_instruments`), party to all the missing instruments, reviews those only. The
 *    extra preferably meets the group condition of the reviewer it complements.
 *  - optional: no reciprocal pair (A reviews B and B reviews A) in the phase; a cap on the number
 *    of reviews (main or extra, counting `existing` ones) one State performs in the phase.
 *
 * The algorithm is a randomized depth-first search with forward checking:
 *  1. parties and States under review are put in a canonical order (by iso3), so the result does
 *     not depend on the order of the input lists; the States under review are then shuffled with
 *     the seeded generator;
 *  2. for each State in turn, the main reviewers are drawn, then the extra reviewers they need;
 *     candidates are tried in order of cost (current load, plus one if the candidate would need an
 *     extra reviewer, because that extra is a review too), ties broken at random. So the draw is
 *     random among the least-loaded candidates and leans toward reviewers party to every
 *     instrument, without ever making a partial candidate impossible;
 *  3. after each pick, the later States that could be affected (the reviewer reached the cap, or
 *     is itself under review and now cannot review back) are checked to still have a candidate for
 *     each main slot; if not, the pick is undone (backtracking);
 *  4. each attempt has a small budget of search steps (a stuck search rarely recovers; a fresh
 *     order usually succeeds at once); when exceeded, the search restarts with a seed derived from
 *     the draw's seed (`<seed>#restart-<k>`), so restarts are reproducible. Every other restart is
 *     "thrifty": among equally loaded candidates it prefers those party to fewer instruments the
 *     State does not need, keeping scarce (e.g. Firearms) reviewers for the States that need
 *     them. The first attempt, which settles all but very tight draws, is not thrifty;
 *  5. a search that ends without exceeding its budget has tried every combination, which proves
 *     that no draw exists: only then (or after all restarts, or when a pre-check already shows the
 *     constraints cannot be met) is a DrawError thrown.
 */
import { seededRandom, seededShuffle } from '../lib/random.js';
import {
  INSTRUMENT_CODES,
  PARTIES,
  REGIONAL_GROUPS,
  type InstrumentCode,
  type PartyRecord,
  type RegionalGroup,
} from '../reference/index.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface DrawParty {
  iso3: string;
  regionalGroup: RegionalGroup | null;
  instruments: InstrumentCode[];
}

export interface DrawRules {
  /** Cap on the reviews (main or extra) one State performs in the phase, counting `existing`. */
  maxReviewsPerReviewer: number;
  /** No pair A reviews B while B reviews A in the same phase. */
  forbidReciprocal: boolean;
  /**
   * Rule for a State under review with no regional group: 'any_two_groups' = two reviewers from two
   * different regional groups; `{ treatAs }` = treat it (and ungrouped reviewers) as a member of that group.
   */
  ungrouped: 'any_two_groups' | { treatAs: RegionalGroup };
  /** May parties without a regional group be drawn as reviewers. */
  ungroupedMayReview: boolean;
  /** The instruments the phase's questionnaire covers; only these matter for coverage. Default: all four. */
  instrumentsUnderReview?: InstrumentCode[];
}

export type ReviewerBasis = 'same_group' | 'other_group' | 'extra_instruments';

export interface ReviewerDraw {
  party: string;
  instruments: InstrumentCode[];
  basis: ReviewerBasis;
}

export interface Assignment {
  underReview: string;
  reviewers: ReviewerDraw[];
}

export interface DrawInput {
  seed: string;
  /** iso3 of the States under review in this phase and group. */
  underReview: string[];
  /** Every party that may be drawn as a reviewer; must include the States under review. */
  pool: DrawParty[];
  rules?: Partial<DrawRules>;
  /** Assignments already made in this phase: they count toward load and reciprocity. */
  existing?: Assignment[];
}

export interface RedrawInput extends Omit<DrawInput, 'underReview'> {
  /** The assignments of the draw being amended (they count toward load and reciprocity). */
  current: Assignment[];
  /** The one State under review whose reviewers are redrawn. */
  underReview: string;
  /** Parties not to draw again for it, e.g. the reviewer who withdrew. */
  exclude: string[];
  /** Redraw only this reviewer, keeping the others. Without it, all its reviewers are redrawn. */
  replace?: string;
}

export interface DrawResult {
  seed: string;
  /** The rules in force, with every default filled in. */
  rules: DrawRules;
  /** One per State under review, in the order of the input (for a redraw: of `current`). */
  assignments: Assignment[];
  /** Reviews each party performs in the phase (existing + these assignments); every pool party is listed. */
  loads: Record<string, number>;
}

export class DrawError extends Error {
  override name = 'DrawError';
}

const DEFAULTS: DrawRules = {
  maxReviewsPerReviewer: 3,
  forbidReciprocal: true,
  ungrouped: 'any_two_groups',
  ungroupedMayReview: false,
  instrumentsUnderReview: Object.freeze([...INSTRUMENT_CODES]) as InstrumentCode[],
};
export const DEFAULT_RULES: DrawRules = Object.freeze(DEFAULTS);

// ---------------------------------------------------------------------------------------------
// Rules and instruments
// ---------------------------------------------------------------------------------------------

const BIT: Readonly<Record<InstrumentCode, number>> = { UNTOC: 1, TIP: 2, SOM: 4, FA: 8 };

function maskOf(codes: readonly string[], what: string): number {
  if (!Array.isArray(codes)) throw new DrawError(`${what}: instruments must be a list.`);
  let mask = 0;
  for (const code of codes) {
    const bit = (BIT as Record<string, number>)[code];
    if (bit === undefined) throw new DrawError(`${what}: unknown instrument '${code}'.`);
    mask |= bit;
  }
  return mask;
}

function codesOf(mask: number): InstrumentCode[] {
  return INSTRUMENT_CODES.filter((code) => (mask & BIT[code]) !== 0);
}

function describeMask(mask: number): string {
  return codesOf(mask).join('+') || 'none';
}

/** Fills in the defaults and checks the rules; throws DrawError on a bad value. */
export function resolveRules(partial: Partial<DrawRules> = {}): DrawRules {
  const pick = <K extends keyof DrawRules>(key: K): DrawRules[K] => (partial[key] === undefined ? DEFAULTS[key] : partial[key]) as DrawRules[K];
  const cap = pick('maxReviewsPerReviewer');
  if (!Number.isInteger(cap) || cap < 1) throw new DrawError(`maxReviewsPerReviewer must be a whole number of at least 1 (got ${String(cap)}).`);
  const forbidReciprocal = pick('forbidReciprocal');
  const ungroupedMayReview = pick('ungroupedMayReview');
  if (typeof forbidReciprocal !== 'boolean') throw new DrawError('forbidReciprocal must be true or false.');
  if (typeof ungroupedMayReview !== 'boolean') throw new DrawError('ungroupedMayReview must be true or false.');
  const ungroupedRule = pick('ungrouped');
  let ungrouped: DrawRules['ungrouped'];
  if (ungroupedRule === 'any_two_groups') ungrouped = 'any_two_groups';
  else if (typeof ungroupedRule === 'object' && ungroupedRule !== null && REGIONAL_GROUPS.includes(ungroupedRule.treatAs)) {
    ungrouped = { treatAs: ungroupedRule.treatAs };
  } else throw new DrawError(`ungrouped must be 'any_two_groups' or { treatAs: <a regional group> } (got ${JSON.stringify(ungroupedRule)}).`);
  const instrumentMask = maskOf(pick('instrumentsUnderReview') ?? INSTRUMENT_CODES, 'instrumentsUnderReview');
  if (instrumentMask === 0) throw new DrawError('instrumentsUnderReview must name at least one instrument.');
  return { maxReviewsPerReviewer: cap, forbidReciprocal, ungrouped, ungroupedMayReview, instrumentsUnderReview: codesOf(instrumentMask) };
}

function rulesKey(rules: DrawRules): string {
  return JSON.stringify(resolveRules(rules));
}

// ---------------------------------------------------------------------------------------------
// The reference parties
// ---------------------------------------------------------------------------------------------

export function drawPartyOf(record: PartyRecord): DrawParty {
  return { iso3: record.iso3, regionalGroup: record.regionalGroup, instruments: INSTRUMENT_CODES.filter((code) => record.instruments[code]) };
}

/** Every party of the project's reference table, as a pool for the draw. */
export function referencePool(): DrawParty[] {
  return PARTIES.map(drawPartyOf);
}

// ---------------------------------------------------------------------------------------------
// The engine's view of the input: parties as indices, instruments as bit masks
// ---------------------------------------------------------------------------------------------

interface Ctx {
  rules: DrawRules;
  cap: number;
  phaseMask: number;
  n: number;
  ids: string[];
  index: Map<string, number>;
  /** Effective group index (into REGIONAL_GROUPS), -1 when none. */
  group: number[];
  inst: number[];
  drawable: boolean[];
}

function buildCtx(pool: readonly DrawParty[], rules: DrawRules): Ctx {
  if (!Array.isArray(pool) || pool.length === 0) throw new DrawError('The pool of parties is empty.');
  const sorted = [...pool].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  const treatAs = typeof rules.ungrouped === 'object' ? REGIONAL_GROUPS.indexOf(rules.ungrouped.treatAs) : -1;
  const ctx: Ctx = {
    rules,
    cap: rules.maxReviewsPerReviewer,
    phaseMask: maskOf(rules.instrumentsUnderReview ?? INSTRUMENT_CODES, 'instrumentsUnderReview'),
    n: sorted.length,
    ids: [],
    index: new Map(),
    group: [],
    inst: [],
    drawable: [],
  };
  for (const party of sorted) {
    if (typeof party.iso3 !== 'string' || party.iso3 === '') throw new DrawError('A party in the pool has no iso3 code.');
    if (ctx.index.has(party.iso3)) throw new DrawError(`${party.iso3} appears twice in the pool.`);
    if (party.regionalGroup !== null && !REGIONAL_GROUPS.includes(party.regionalGroup)) {
      throw new DrawError(`${party.iso3} has an unknown regional group '${String(party.regionalGroup)}'.`);
    }
    ctx.index.set(party.iso3, ctx.ids.length);
    ctx.ids.push(party.iso3);
    ctx.group.push(party.regionalGroup === null ? treatAs : REGIONAL_GROUPS.indexOf(party.regionalGroup));
    ctx.inst.push(maskOf(party.instruments, party.iso3));
    ctx.drawable.push(party.regionalGroup !== null || rules.ungroupedMayReview);
  }
  return ctx;
}

function groupName(index: number): string {
  return REGIONAL_GROUPS[index] ?? 'no regional group';
}

/** Mutable search state: load per party, and rev[a * n + b] = how many times a reviews b. */
interface State {
  load: Int32Array;
  rev: Uint16Array;
}

function newState(ctx: Ctx): State {
  return { load: new Int32Array(ctx.n), rev: new Uint16Array(ctx.n * ctx.n) };
}

function cloneState(state: State): State {
  return { load: state.load.slice(), rev: state.rev.slice() };
}

/** Adds the reviews of string assignments; parties outside the pool cannot be drawn and are skipped. */
function applyAssignments(ctx: Ctx, state: State, assignments: readonly Assignment[]): void {
  for (const assignment of assignments) {
    const sur = ctx.index.get(assignment.underReview);
    for (const reviewer of assignment.reviewers) {
      const r = ctx.index.get(reviewer.party);
      if (r === undefined) continue;
      state.load[r]!++;
      if (sur !== undefined) state.rev[r * ctx.n + sur]!++;
    }
  }
}

type MainBasis = 'same_group' | 'other_group';

interface Slot {
  party: number;
  basis: ReviewerBasis;
  /** The instruments reviewed. */
  mask: number;
  /** Position in the assignment being amended (redraw), -1 for a new draw. */
  pos: number;
}

interface Task {
  id: number;
  sur: number;
  needed: number;
  keptMains: Slot[];
  keptExtras: Slot[];
  /** Main reviewers to draw. */
  fill: MainBasis[];
  banned: Set<number>;
  /** Where new reviewers go in the amended assignment (redraw with `replace`), else -1. */
  replacePos: number;
  /** Per `fill` entry: candidates meeting the static conditions (group, instruments, not banned). */
  statics: number[][];
}

interface TaskSolution {
  mains: Slot[];
  extras: { slot: Slot; forMain: Slot }[];
  dropped: Slot[];
}

function mainBases(ctx: Ctx, sur: number): MainBasis[] {
  return ctx.group[sur]! >= 0 ? ['same_group', 'other_group'] : ['other_group', 'other_group'];
}

function staticCandidates(ctx: Ctx, task: Pick<Task, 'sur' | 'needed' | 'banned'>, basis: MainBasis): number[] {
  const out: number[] = [];
  const gs = ctx.group[task.sur]!;
  for (let c = 0; c < ctx.n; c++) {
    if (!ctx.drawable[c] || c === task.sur || task.banned.has(c)) continue;
    if ((ctx.inst[c]! & task.needed) === 0) continue;
    const g = ctx.group[c]!;
    if (basis === 'same_group') {
      if (gs < 0 || g !== gs) continue;
    } else if (gs >= 0 ? g === gs : g < 0) continue;
    out.push(c);
  }
  return out;
}

function makeTask(ctx: Ctx, id: number, sur: number, fill: MainBasis[], banned: Set<number>, kept: Slot[], replacePos: number): Task {
  const needed = ctx.inst[sur]! & ctx.phaseMask;
  const task: Task = {
    id,
    sur,
    needed,
    keptMains: kept.filter((slot) => slot.basis !== 'extra_instruments'),
    keptExtras: kept.filter((slot) => slot.basis === 'extra_instruments'),
    fill,
    banned,
    replacePos,
    statics: [],
  };
  task.statics = fill.map((basis) => staticCandidates(ctx, task, basis));
  return task;
}

/** Throws a DrawError when a State under review cannot have its main reviewers, whatever the draw. */
function precheckTask(ctx: Ctx, task: Task): void {
  const sur = ctx.ids[task.sur]!;
  const gs = ctx.group[task.sur]!;
  const excluded = task.banned.size > 0 ? ' that is not excluded' : '';
  const instruments = describeMask(task.needed);
  task.fill.forEach((basis, k) => {
    if (task.statics[k]!.length > 0) return;
    if (basis === 'same_group') {
      throw new DrawError(
        `${sur} (${groupName(gs)}) cannot get a reviewer from its own regional group: no other party of that group${excluded} may be drawn and is party to any of ${instruments}.`,
      );
    }
    throw new DrawError(
      gs >= 0
        ? `${sur} (${groupName(gs)}) cannot get a reviewer from another regional group: no party of another group${excluded} may be drawn and is party to any of ${instruments}.`
        : `${sur} has no regional group and cannot get a reviewer: no party${excluded} may be drawn and is party to any of ${instruments}.`,
    );
  });
  if (gs < 0 && task.fill.length === 2) {
    const groups = new Set(task.statics[0]!.map((c) => ctx.group[c]!));
    if (groups.size < 2) {
      throw new DrawError(
        `${sur} has no regional group, and the rule 'any_two_groups' needs reviewers from two different regional groups, but the eligible reviewers come from ${groups.size} group(s) only.`,
      );
    }
  }
}

/** Necessary conditions on the remaining capacity, for a clear message when the cap is too low. */
function precheckCapacity(ctx: Ctx, state: State, tasks: readonly Task[], hasExisting: boolean): void {
  const remaining = (c: number) => (ctx.drawable[c] ? Math.max(0, ctx.cap - state.load[c]!) : 0);
  let supply = 0;
  const groupSupply = new Array<number>(REGIONAL_GROUPS.length).fill(0);
  for (let c = 0; c < ctx.n; c++) {
    supply += remaining(c);
    const g = ctx.group[c]!;
    if (g >= 0) groupSupply[g]! += remaining(c);
  }
  const demand = tasks.reduce((sum, task) => sum + task.fill.length, 0);
  const counting = hasExisting ? ', counting the assignments already made' : '';
  if (demand > supply) {
    throw new DrawError(
      `The ${tasks.length} State(s) under review need at least ${demand} reviews, but the parties that may be drawn can perform only ${supply} more (cap of ${ctx.cap} per reviewer${counting}).`,
    );
  }
  // Each State under review needs two reviews (main or extra) by parties to each of its instruments.
  for (const code of INSTRUMENT_CODES) {
    const bit = BIT[code];
    const needing = tasks.filter((task) => (task.needed & bit) !== 0).length;
    let instrumentSupply = 0;
    for (let c = 0; c < ctx.n; c++) if ((ctx.inst[c]! & bit) !== 0) instrumentSupply += remaining(c);
    if (2 * needing > instrumentSupply) {
      throw new DrawError(
        `${needing} State(s) under review are party to ${code} and need two reviews of it each, but the parties to ${code} that may be drawn can perform only ${instrumentSupply} more reviews (cap of ${ctx.cap} per reviewer${counting}).`,
      );
    }
  }
  const groupDemand = new Array<number>(REGIONAL_GROUPS.length).fill(0);
  for (const task of tasks) if (task.fill.includes('same_group')) groupDemand[ctx.group[task.sur]!]!++;
  groupDemand.forEach((need, g) => {
    if (need > groupSupply[g]!) {
      throw new DrawError(
        `${need} State(s) under review need a reviewer from the ${groupName(g)} group, but its parties can perform only ${groupSupply[g]} more reviews (cap of ${ctx.cap} per reviewer${counting}).`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The search
// ---------------------------------------------------------------------------------------------

const BUDGET_EXCEEDED = Symbol('budget exceeded');
const MAX_ATTEMPTS = 50;

function budgetFor(tasks: number): number {
  return 1_000 + 20 * tasks;
}

/** Number of instruments in a mask. */
function surplus(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

/**
 * Candidates in order of cost, drawn lazily: each `next()` picks uniformly at random among the
 * cheapest remaining ones. Backtracking is rare, so usually only the first pick is ever made.
 */
class Picker {
  private readonly parties: number[] = [];
  private readonly costs: number[] = [];

  constructor(private readonly rnd: () => number) {}

  add(party: number, cost: number): void {
    this.parties.push(party);
    this.costs.push(cost);
  }

  next(): number | undefined {
    const { parties, costs } = this;
    if (parties.length === 0) return undefined;
    let min = Infinity;
    let ties = 0;
    for (const cost of costs) {
      if (cost < min) {
        min = cost;
        ties = 1;
      } else if (cost === min) ties++;
    }
    let k = Math.floor(this.rnd() * ties);
    let i = 0;
    for (; ; i++) if (costs[i] === min && k-- === 0) break;
    const party = parties[i]!;
    parties[i] = parties[parties.length - 1]!;
    costs[i] = costs[costs.length - 1]!;
    parties.pop();
    costs.pop();
    return party;
  }
}

class Search {
  nodes = 0;
  deepest = -1;
  deepestSur = -1;
  readonly solutions = new Map<number, TaskSolution>();
  private readonly pos: Int32Array;

  constructor(
    private readonly ctx: Ctx,
    private readonly tasks: readonly Task[],
    private readonly order: readonly number[],
    private readonly st: State,
    private readonly rnd: () => number,
    private readonly budget: number,
    /** Per party: ids of the tasks where it is a static main candidate. */
    private readonly tasksOf: readonly number[][],
    /** Per party: id of its task when it is under review, else -1. */
    private readonly taskOfSur: Int32Array,
    /** Restarts only: among equally loaded candidates, prefer those party to fewer instruments not needed. */
    private readonly thrifty: boolean,
  ) {
    this.pos = new Int32Array(tasks.length);
    order.forEach((id, p) => (this.pos[id] = p));
  }

  solve(t: number): boolean {
    if (t === this.order.length) return true;
    const task = this.tasks[this.order[t]!]!;
    if (t > this.deepest) {
      this.deepest = t;
      this.deepestSur = task.sur;
    }
    return this.fillMains(task, t, 0, [], () => this.solve(t + 1));
  }

  private step(): void {
    if (++this.nodes > this.budget) throw BUDGET_EXCEEDED;
  }

  private apply(reviewer: number, sur: number): void {
    this.st.load[reviewer]!++;
    this.st.rev[reviewer * this.ctx.n + sur]!++;
  }

  private unapply(reviewer: number, sur: number): void {
    this.st.load[reviewer]!--;
    this.st.rev[reviewer * this.ctx.n + sur]!--;
  }

  /** May c be drawn now for sur: under the cap, not already its reviewer, not reciprocal. */
  private available(c: number, sur: number): boolean {
    const { n } = this.ctx;
    return (
      this.st.load[c]! < this.ctx.cap &&
      this.st.rev[c * n + sur] === 0 &&
      !(this.ctx.rules.forbidReciprocal && this.st.rev[sur * n + c]! > 0)
    );
  }

  /** Can a task not yet reached still get its main reviewers (ignoring interactions between them)? */
  private viable(task: Task): boolean {
    if (task.fill.length === 2 && this.ctx.group[task.sur]! < 0) {
      let first = -2;
      for (const c of task.statics[0]!) {
        if (!this.available(c, task.sur)) continue;
        const g = this.ctx.group[c]!;
        if (first === -2) first = g;
        else if (g !== first) return true;
      }
      return false;
    }
    return task.statics.every((list) => list.some((c) => this.available(c, task.sur)));
  }

  /** After c was drawn for sur at position t: do the later tasks that c affects remain possible? */
  private forwardOk(c: number, t: number): boolean {
    if (this.st.load[c]! >= this.ctx.cap) {
      for (const id of this.tasksOf[c]!) if (this.pos[id]! > t && !this.viable(this.tasks[id]!)) return false;
    }
    if (this.ctx.rules.forbidReciprocal) {
      const id = this.taskOfSur[c]!;
      if (id >= 0 && this.pos[id]! > t && !this.viable(this.tasks[id]!)) return false;
    }
    return true;
  }

  /** The masks of kept extras not needed by the given mains (a new main lacking one of these needs no new extra). */
  private spareExtras(task: Task, mains: readonly Slot[]): number[] {
    const spare = task.keptExtras.map((slot) => slot.mask);
    for (const main of mains) {
      const missing = task.needed & ~this.ctx.inst[main.party]!;
      const k = spare.indexOf(missing);
      if (missing !== 0 && k >= 0) spare.splice(k, 1);
    }
    return spare;
  }

  private mainCandidates(task: Task, k: number, mains: readonly Slot[]): Picker {
    const { ctx } = this;
    const sur = task.sur;
    const otherGroups = ctx.group[sur]! < 0 ? mains.map((m) => ctx.group[m.party]!) : [];
    const spare = task.keptExtras.length > 0 ? this.spareExtras(task, mains) : [];
    const out = new Picker(this.rnd);
    for (const c of task.statics[k]!) {
      if (!this.available(c, sur) || otherGroups.includes(ctx.group[c]!)) continue;
      const missing = task.needed & ~ctx.inst[c]!;
      const needsExtra = missing !== 0 && !spare.includes(missing);
      const cost = this.st.load[c]! + (needsExtra ? 1 : 0);
      out.add(c, this.thrifty ? cost * 8 + surplus(ctx.inst[c]! & ctx.phaseMask & ~task.needed) : cost);
    }
    return out;
  }

  private fillMains(task: Task, t: number, k: number, newMains: Slot[], cont: () => boolean): boolean {
    if (k === task.fill.length) return this.fillExtras(task, t, newMains, cont);
    const basis = task.fill[k]!;
    const mains = [...task.keptMains, ...newMains];
    const picker = this.mainCandidates(task, k, mains);
    for (let c = picker.next(); c !== undefined; c = picker.next()) {
      this.step();
      this.apply(c, task.sur);
      newMains.push({ party: c, basis, mask: task.needed & this.ctx.inst[c]!, pos: task.replacePos });
      if (this.forwardOk(c, t) && this.fillMains(task, t, k + 1, newMains, cont)) return true;
      newMains.pop();
      this.unapply(c, task.sur);
    }
    return false;
  }

  private fillExtras(task: Task, t: number, newMains: Slot[], cont: () => boolean): boolean {
    const { ctx } = this;
    const unmatched = [...task.keptExtras];
    const needs: { mask: number; forMain: Slot }[] = [];
    for (const main of [...task.keptMains, ...newMains]) {
      const missing = task.needed & ~ctx.inst[main.party]!;
      if (missing === 0) continue;
      // Keep the extra that complemented this main if it still fits; prefer the one just after it.
      let k = unmatched.findIndex((e) => e.mask === missing && main.pos >= 0 && e.pos === main.pos + 1);
      if (k < 0) k = unmatched.findIndex((e) => e.mask === missing);
      if (k >= 0) unmatched.splice(k, 1);
      else needs.push({ mask: missing, forMain: main });
    }
    // Kept extras that no main needs any more are dropped.
    for (const slot of unmatched) this.unapply(slot.party, task.sur);
    const ok = this.fillExtraSlots(task, t, needs, 0, newMains, [], unmatched, cont);
    if (!ok) for (const slot of unmatched) this.apply(slot.party, task.sur);
    return ok;
  }

  private extraCandidates(task: Task, mask: number, forMain: Slot, mains: readonly Slot[]): Picker {
    const { ctx } = this;
    const sur = task.sur;
    const gs = ctx.group[sur]!;
    const other = mains.find((m) => m !== forMain);
    const otherGroup = other ? ctx.group[other.party]! : -1;
    const out = new Picker(this.rnd);
    for (let c = 0; c < ctx.n; c++) {
      if (!ctx.drawable[c] || c === sur || task.banned.has(c)) continue;
      if ((ctx.inst[c]! & mask) !== mask || !this.available(c, sur)) continue;
      const g = ctx.group[c]!;
      // Preferably meets the group condition of the reviewer it complements.
      const preferred = forMain.basis === 'same_group' ? g === gs : gs >= 0 ? g !== gs : g >= 0 && g !== otherGroup;
      const cost = (preferred ? 0 : 1_000_000) + this.st.load[c]!;
      out.add(c, this.thrifty ? cost * 8 + surplus(ctx.inst[c]! & ctx.phaseMask & ~mask) : cost);
    }
    return out;
  }

  private fillExtraSlots(
    task: Task,
    t: number,
    needs: readonly { mask: number; forMain: Slot }[],
    j: number,
    newMains: readonly Slot[],
    newExtras: { slot: Slot; forMain: Slot }[],
    dropped: readonly Slot[],
    cont: () => boolean,
  ): boolean {
    if (j === needs.length) {
      // Overwritten on backtracking; the last one written is on the successful path.
      this.solutions.set(task.id, { mains: [...newMains], extras: [...newExtras], dropped: [...dropped] });
      return cont();
    }
    const { mask, forMain } = needs[j]!;
    const mains = [...task.keptMains, ...newMains];
    const picker = this.extraCandidates(task, mask, forMain, mains);
    for (let c = picker.next(); c !== undefined; c = picker.next()) {
      this.step();
      this.apply(c, task.sur);
      newExtras.push({ slot: { party: c, basis: 'extra_instruments', mask, pos: task.replacePos }, forMain });
      if (this.forwardOk(c, t) && this.fillExtraSlots(task, t, needs, j + 1, newMains, newExtras, dropped, cont)) return true;
      newExtras.pop();
      this.unapply(c, task.sur);
    }
    return false;
  }
}

/** Runs the restarts; returns the solutions per task id, or throws DrawError. */
function search(ctx: Ctx, seed: string, base: State, tasks: Task[]): Map<number, TaskSolution> {
  const tasksOf: number[][] = Array.from({ length: ctx.n }, () => []);
  const taskOfSur = new Int32Array(ctx.n).fill(-1);
  const stamp = new Int32Array(ctx.n).fill(-1);
  for (const task of tasks) {
    taskOfSur[task.sur] = task.id;
    for (const list of task.statics) {
      for (const c of list) {
        if (stamp[c] === task.id) continue;
        stamp[c] = task.id;
        tasksOf[c]!.push(task.id);
      }
    }
  }
  const ids = tasks.map((task) => task.id);
  const budget = budgetFor(tasks.length);
  let hardest = -1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rnd = seededRandom(attempt === 0 ? seed : `${seed}#restart-${attempt}`);
    const order = seededShuffle(ids, rnd);
    const run = new Search(ctx, tasks, order, cloneState(base), rnd, budget, tasksOf, taskOfSur, attempt % 2 === 1);
    try {
      if (run.solve(0)) return run.solutions;
    } catch (error) {
      if (error !== BUDGET_EXCEEDED) throw error;
      if (hardest < 0) hardest = run.deepestSur;
      continue;
    }
    throw new DrawError(
      `No draw can satisfy the constraints: every combination was tried, and ${ctx.ids[run.deepestSur]} could not get reviewers (${rulesSummary(ctx)}).`,
    );
  }
  throw new DrawError(
    `No draw was found after ${MAX_ATTEMPTS} attempts of ${budget} steps each: the constraints are too tight (${rulesSummary(ctx)}); the hardest State to place was ${ctx.ids[hardest] ?? '?'}.`,
  );
}

function rulesSummary(ctx: Ctx): string {
  const { rules } = ctx;
  return [
    `cap of ${rules.maxReviewsPerReviewer} reviews per reviewer`,
    rules.forbidReciprocal ? 'no reciprocal pairs' : 'reciprocal pairs allowed',
    `instruments ${describeMask(ctx.phaseMask)}`,
  ].join(', ');
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

function toDraw(ctx: Ctx, slot: Slot): ReviewerDraw {
  return { party: ctx.ids[slot.party]!, instruments: codesOf(slot.mask), basis: slot.basis };
}

function cloneAssignment(assignment: Assignment): Assignment {
  return {
    underReview: assignment.underReview,
    reviewers: assignment.reviewers.map((r) => ({ party: r.party, instruments: [...r.instruments], basis: r.basis })),
  };
}

/** Each main reviewer followed by the extra that complements it. */
function freshReviewers(ctx: Ctx, solution: TaskSolution): ReviewerDraw[] {
  return solution.mains.flatMap((main) => [
    toDraw(ctx, main),
    ...solution.extras.filter((extra) => extra.forMain === main).map((extra) => toDraw(ctx, extra.slot)),
  ]);
}

function computeLoads(poolIds: readonly string[], lists: readonly (readonly Assignment[])[]): Record<string, number> {
  const counts = new Map<string, number>(poolIds.map((id) => [id, 0]));
  for (const list of lists) for (const a of list) for (const r of a.reviewers) counts.set(r.party, (counts.get(r.party) ?? 0) + 1);
  const loads: Record<string, number> = {};
  for (const id of [...counts.keys()].sort()) loads[id] = counts.get(id)!;
  return loads;
}

/** Checks the States under review; only those in `drawn` are drawn now and must be in the pool. */
function checkSurs(ctx: Ctx, surs: readonly string[], existing: readonly Assignment[], drawn: readonly string[] = surs): void {
  const seen = new Set<string>();
  for (const sur of surs) {
    if (seen.has(sur)) throw new DrawError(`${sur} is listed twice among the States under review.`);
    seen.add(sur);
  }
  for (const sur of drawn) {
    const s = ctx.index.get(sur);
    if (s === undefined) throw new DrawError(`${sur} is under review but is not in the pool of parties.`);
    if ((ctx.inst[s]! & ctx.phaseMask) === 0) {
      throw new DrawError(`${sur} is party to none of the instruments under review (${describeMask(ctx.phaseMask)}), so it has nothing to be reviewed on.`);
    }
  }
  for (const a of existing) {
    if (seen.has(a.underReview)) throw new DrawError(`${a.underReview} is under review but already has an assignment among the existing ones.`);
  }
}

// ---------------------------------------------------------------------------------------------
// The draws
// ---------------------------------------------------------------------------------------------

/** Draws the reviewers of every State under review. Throws DrawError when the constraints cannot be met. */
export function drawLots(input: DrawInput): DrawResult {
  const rules = resolveRules(input.rules);
  const ctx = buildCtx(input.pool, rules);
  const existing = input.existing ?? [];
  if (typeof input.seed !== 'string') throw new DrawError('The seed must be a string.');
  if (!Array.isArray(input.underReview)) throw new DrawError('underReview must be a list of iso3 codes.');
  checkSurs(ctx, input.underReview, existing);

  const base = newState(ctx);
  applyAssignments(ctx, base, existing);
  const surs = [...input.underReview].sort().map((sur) => ctx.index.get(sur)!);
  const tasks = surs.map((sur, id) => makeTask(ctx, id, sur, mainBases(ctx, sur), new Set(), [], -1));
  tasks.forEach((task) => precheckTask(ctx, task));
  precheckCapacity(ctx, base, tasks, existing.length > 0);

  const solutions = tasks.length > 0 ? search(ctx, input.seed, base, tasks) : new Map<number, TaskSolution>();
  const bySur = new Map(tasks.map((task) => [ctx.ids[task.sur]!, task]));
  const assignments = input.underReview.map((sur) => ({ underReview: sur, reviewers: freshReviewers(ctx, solutions.get(bySur.get(sur)!.id)!) }));
  return { seed: input.seed, rules, assignments, loads: computeLoads(ctx.ids, [existing, assignments]) };
}

/**
 * Redraws the reviewers of one State under review in an existing draw (`current`), e.g. after a
 * reviewer withdrew or the State asked for a re-draw. With `replace`, only that reviewer is
 * redrawn (with the same basis); the extra reviewer that complemented it is kept if the new
 * reviewer lacks the same instruments, dropped if it lacks none, and redrawn otherwise. Without
 * `replace`, all its reviewers are redrawn. The `exclude`d parties (and `replace`) are never drawn.
 * Returns all of `current`, with only that State's assignment changed.
 */
export function redrawOne(input: RedrawInput): DrawResult {
  const rules = resolveRules(input.rules);
  const ctx = buildCtx(input.pool, rules);
  const existing = input.existing ?? [];
  if (typeof input.seed !== 'string') throw new DrawError('The seed must be a string.');
  if (!Array.isArray(input.current)) throw new DrawError('current must be a list of assignments.');
  const target = input.current.find((a) => a.underReview === input.underReview);
  if (!target) throw new DrawError(`${input.underReview} has no assignment in the current draw, so there is nothing to redraw.`);
  checkSurs(
    ctx,
    input.current.map((a) => a.underReview),
    existing,
    [target.underReview],
  );
  const sur = ctx.index.get(target.underReview)!;

  const banned = new Set<number>();
  for (const party of [...(input.exclude ?? []), ...(input.replace !== undefined ? [input.replace] : [])]) {
    const c = ctx.index.get(party);
    if (c !== undefined) banned.add(c);
  }

  let kept: Slot[] = [];
  let fill = mainBases(ctx, sur);
  let replacePos = -1;
  if (input.replace !== undefined) {
    replacePos = target.reviewers.findIndex((r) => r.party === input.replace);
    if (replacePos < 0) throw new DrawError(`${input.replace} is not a reviewer of ${target.underReview}, so it cannot be replaced.`);
    const replaced = target.reviewers[replacePos]!;
    fill = replaced.basis === 'extra_instruments' ? [] : [replaced.basis];
    kept = target.reviewers.flatMap((r, pos) => {
      if (pos === replacePos) return [];
      const c = ctx.index.get(r.party);
      if (c === undefined) throw new DrawError(`${r.party}, a reviewer of ${target.underReview}, is not in the pool.`);
      return [{ party: c, basis: r.basis, mask: maskOf(r.instruments, r.party), pos }];
    });
  }

  const base = newState(ctx);
  applyAssignments(ctx, base, existing);
  applyAssignments(ctx, base, input.current.filter((a) => a !== target));
  applyAssignments(ctx, base, [{ underReview: target.underReview, reviewers: kept.map((slot) => toDraw(ctx, slot)) }]);

  const task = makeTask(ctx, 0, sur, fill, banned, kept, replacePos);
  precheckTask(ctx, task);
  const solution = search(ctx, input.seed, base, [task]).get(0)!;

  let reviewers: ReviewerDraw[];
  if (input.replace === undefined) reviewers = freshReviewers(ctx, solution);
  else {
    const dropped = new Set(solution.dropped.map((slot) => slot.pos));
    reviewers = target.reviewers.flatMap((r, pos) => {
      if (pos === replacePos) return [...solution.mains.map((m) => toDraw(ctx, m)), ...solution.extras.map((e) => toDraw(ctx, e.slot))];
      if (dropped.has(pos)) return [];
      return [{ party: r.party, instruments: [...r.instruments], basis: r.basis }];
    });
  }
  const assignments = input.current.map((a) => (a === target ? { underReview: a.underReview, reviewers } : cloneAssignment(a)));
  return { seed: input.seed, rules, assignments, loads: computeLoads(ctx.ids, [existing, assignments]) };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function isRedrawInput(input: DrawInput | RedrawInput): input is RedrawInput {
  return Array.isArray((input as RedrawInput).current);
}

function sameReviewer(a: ReviewerDraw, b: ReviewerDraw): boolean {
  return a.party === b.party && a.basis === b.basis && a.instruments.join() === b.instruments.join();
}

/**
 * Lists every constraint the result violates (an empty list means the draw is valid). Independent
 * of the search code, so the server can double-check a draw before storing it. For a redraw input,
 * it checks the redrawn assignment (and the load and reciprocity of its reviewers, across all the
 * assignments), that the other assignments are unchanged, that no excluded party was drawn, and
 * (with `replace`) that the other reviewers were kept.
 */
export function validateDraw(input: DrawInput | RedrawInput, result: DrawResult): string[] {
  const errors: string[] = [];
  let rules: DrawRules;
  try {
    rules = resolveRules(input.rules);
  } catch (error) {
    return [`The input rules are invalid: ${(error as Error).message}`];
  }
  if (result.seed !== input.seed) errors.push(`The result's seed '${result.seed}' is not the input's '${input.seed}'.`);
  let resultRules = '';
  try {
    resultRules = rulesKey(result.rules);
  } catch {
    resultRules = 'invalid';
  }
  if (resultRules !== rulesKey(rules)) errors.push(`The result was drawn under other rules than the input's (${JSON.stringify(result.rules)}).`);

  const pool = new Map<string, DrawParty>();
  for (const party of input.pool) {
    if (pool.has(party.iso3)) errors.push(`${party.iso3} appears twice in the pool.`);
    pool.set(party.iso3, party);
  }
  const treatAs = typeof rules.ungrouped === 'object' ? rules.ungrouped.treatAs : null;
  const groupOf = (party: DrawParty): RegionalGroup | null => party.regionalGroup ?? treatAs;
  const phaseMask = maskOf(rules.instrumentsUnderReview ?? INSTRUMENT_CODES, 'instrumentsUnderReview');
  const safeMask = (codes: readonly string[], what: string): number | null => {
    try {
      if (new Set(codes).size !== codes.length) throw new DrawError(`${what}: an instrument is listed twice.`);
      return maskOf(codes, what);
    } catch (error) {
      errors.push((error as Error).message);
      return null;
    }
  };
  const cap = rules.maxReviewsPerReviewer;
  const existing = input.existing ?? [];
  const redraw = isRedrawInput(input);
  const surs = redraw ? input.current.map((a) => a.underReview) : input.underReview;

  // One assignment per State under review.
  const wanted = new Set(surs);
  const bySur = new Map<string, Assignment>();
  for (const a of result.assignments) {
    if (bySur.has(a.underReview)) errors.push(`${a.underReview} has more than one assignment.`);
    else if (!wanted.has(a.underReview)) errors.push(`${a.underReview} has an assignment but is not under review.`);
    bySur.set(a.underReview, a);
  }
  for (const sur of surs) if (!bySur.has(sur)) errors.push(`${sur} is under review but has no assignment.`);
  for (const a of existing) if (wanted.has(a.underReview)) errors.push(`${a.underReview} is under review but also has an existing assignment.`);

  // For a redraw, only the redrawn assignment is checked in detail (the others must be unchanged).
  const focus = (a: Assignment) => !redraw || a.underReview === input.underReview;

  // Each assignment on its own: groups, instruments, extras.
  for (const a of result.assignments.filter(focus)) {
    const sur = a.underReview;
    const s = pool.get(sur);
    if (!s) {
      errors.push(`${sur} is under review but not in the pool.`);
      continue;
    }
    const sMask = safeMask(s.instruments, sur);
    if (sMask === null) continue;
    const needed = sMask & phaseMask;
    if (needed === 0) errors.push(`${sur} is party to none of the instruments under review.`);
    const gs = groupOf(s);
    const seen = new Set<string>();
    const mains: { r: ReviewerDraw; p: DrawParty; pMask: number; mask: number }[] = [];
    const extras: typeof mains = [];
    for (const r of a.reviewers) {
      if (r.party === sur) errors.push(`${sur} reviews itself.`);
      if (seen.has(r.party)) errors.push(`${r.party} is drawn more than once to review ${sur}.`);
      seen.add(r.party);
      const p = pool.get(r.party);
      if (!p) {
        errors.push(`${r.party}, a reviewer of ${sur}, is not in the pool.`);
        continue;
      }
      if (p.regionalGroup === null && !rules.ungroupedMayReview) errors.push(`${r.party} has no regional group and may not review (${sur}).`);
      const pMask = safeMask(p.instruments, r.party);
      const mask = safeMask(r.instruments, `${r.party} reviewing ${sur}`);
      if (pMask === null || mask === null) continue;
      if (r.basis === 'extra_instruments') extras.push({ r, p, pMask, mask });
      else if (r.basis === 'same_group' || r.basis === 'other_group') mains.push({ r, p, pMask, mask });
      else errors.push(`${r.party} reviews ${sur} on an unknown basis '${String(r.basis)}'.`);
    }

    for (const m of mains) {
      const expected = needed & m.pMask;
      if (expected === 0) errors.push(`${m.r.party} is party to none of the instruments under review of ${sur}.`);
      else if (m.mask !== expected) {
        errors.push(`${m.r.party} should review ${describeMask(expected)} of ${sur} (the instruments both are party to) but reviews ${describeMask(m.mask)}.`);
      }
    }
    const same = mains.filter((m) => m.r.basis === 'same_group');
    const other = mains.filter((m) => m.r.basis === 'other_group');
    if (gs !== null) {
      if (same.length !== 1) errors.push(`${sur} should have exactly one reviewer from its own group, has ${same.length}.`);
      if (other.length !== 1) errors.push(`${sur} should have exactly one reviewer from another group, has ${other.length}.`);
      for (const m of same) if (groupOf(m.p) !== gs) errors.push(`${m.r.party}, the same-group reviewer of ${sur}, is not of ${sur}'s group (${gs}).`);
      for (const m of other) if (groupOf(m.p) === gs) errors.push(`${m.r.party}, the other-group reviewer of ${sur}, is of ${sur}'s own group (${gs}).`);
    } else {
      if (same.length !== 0 || other.length !== 2) errors.push(`${sur} has no regional group and should have two other-group reviewers (rule any_two_groups).`);
      const groups = mains.map((m) => groupOf(m.p));
      if (groups.some((g) => g === null)) errors.push(`${sur}'s reviewers must each belong to a regional group (rule any_two_groups).`);
      else if (new Set(groups).size !== groups.length) errors.push(`${sur}'s reviewers must come from two different regional groups (rule any_two_groups).`);
    }

    const spare = extras.map((e) => e.mask);
    for (const e of extras) {
      if (e.mask === 0) errors.push(`${e.r.party} is an extra reviewer of ${sur} but reviews no instrument.`);
      if ((e.mask & ~e.pMask) !== 0) errors.push(`${e.r.party} reviews ${describeMask(e.mask & ~e.pMask)} of ${sur} but is not party to it.`);
      if ((e.mask & ~needed) !== 0) errors.push(`${e.r.party} reviews ${describeMask(e.mask & ~needed)} of ${sur}, which is not under review for it.`);
    }
    for (const m of mains) {
      const missing = needed & ~m.pMask;
      if (missing === 0) continue;
      const k = spare.indexOf(missing);
      if (k >= 0) spare.splice(k, 1);
      else errors.push(`${m.r.party} reviews ${sur} but is not party to ${describeMask(missing)}, and no extra reviewer reviews exactly that.`);
    }
    for (const mask of spare) errors.push(`An extra reviewer of ${sur} reviews ${describeMask(mask)}, which no main reviewer lacks.`);
  }

  // Load and reciprocity, across the existing assignments and this result.
  const counts = new Map<string, number>();
  const pairs = new Set<string>();
  const drawn = new Set<string>();
  for (const [list, isResult] of [
    [existing, false],
    [result.assignments, true],
  ] as const) {
    for (const a of list) {
      for (const r of a.reviewers) {
        counts.set(r.party, (counts.get(r.party) ?? 0) + 1);
        pairs.add(`${r.party}>${a.underReview}`);
        if (isResult && focus(a)) drawn.add(r.party);
      }
    }
  }
  for (const party of drawn) {
    const load = counts.get(party)!;
    if (load > cap) errors.push(`${party} performs ${load} reviews in the phase, over the cap of ${cap}.`);
  }
  if (rules.forbidReciprocal) {
    const reported = new Set<string>();
    for (const a of result.assignments.filter(focus)) {
      for (const r of a.reviewers) {
        const key = [r.party, a.underReview].sort().join('<>');
        if (pairs.has(`${a.underReview}>${r.party}`) && !reported.has(key)) {
          reported.add(key);
          errors.push(`${r.party} and ${a.underReview} review each other.`);
        }
      }
    }
  }
  const loads = result.loads ?? {};
  for (const [party, load] of counts) if ((loads[party] ?? 0) !== load) errors.push(`loads[${party}] is ${loads[party] ?? 0}, should be ${load}.`);
  for (const [party, load] of Object.entries(loads)) if (load !== 0 && !counts.has(party)) errors.push(`loads[${party}] is ${load}, should be 0.`);

  if (redraw) validateRedraw(input, bySur, errors);
  return errors;
}

function validateRedraw(input: RedrawInput, bySur: ReadonlyMap<string, Assignment>, errors: string[]): void {
  const target = input.current.find((a) => a.underReview === input.underReview);
  if (!target) {
    errors.push(`${input.underReview} has no assignment in the current draw.`);
    return;
  }
  for (const a of input.current) {
    if (a === target) continue;
    const now = bySur.get(a.underReview);
    const same = now && now.reviewers.length === a.reviewers.length && now.reviewers.every((r, i) => sameReviewer(r, a.reviewers[i]!));
    if (!same) errors.push(`${a.underReview}'s assignment changed, but only ${target.underReview}'s was to be redrawn.`);
  }
  const after = bySur.get(target.underReview);
  if (!after) return;
  const excluded = new Set([...(input.exclude ?? []), ...(input.replace !== undefined ? [input.replace] : [])]);
  const before = new Set(target.reviewers.map((r) => r.party));
  for (const r of after.reviewers) {
    const drawnNow = input.replace === undefined || !before.has(r.party) || r.party === input.replace;
    if (drawnNow && excluded.has(r.party)) errors.push(`${r.party} was excluded but was drawn again to review ${target.underReview}.`);
  }
  if (input.replace === undefined) return;
  const replaced = target.reviewers.find((r) => r.party === input.replace);
  if (!replaced) {
    errors.push(`${input.replace} was not a reviewer of ${target.underReview}.`);
    return;
  }
  let droppedExtras = 0;
  for (const r of target.reviewers) {
    if (r === replaced || after.reviewers.some((x) => sameReviewer(x, r))) continue;
    // Only the extra that complemented a replaced main reviewer may go.
    if (r.basis === 'extra_instruments' && replaced.basis !== 'extra_instruments' && droppedExtras === 0) droppedExtras++;
    else errors.push(`${r.party} should have been kept as a reviewer of ${target.underReview}.`);
  }
  const added = after.reviewers.filter((r) => !target.reviewers.some((x) => sameReviewer(x, r)));
  const addedMains = added.filter((r) => r.basis !== 'extra_instruments');
  if (addedMains.length > (replaced.basis === 'extra_instruments' ? 0 : 1) || addedMains.some((r) => r.basis !== replaced.basis)) {
    errors.push(`Only ${input.replace} should have been replaced among ${target.underReview}'s main reviewers.`);
  }
  if (added.length - addedMains.length > 1) errors.push(`At most one extra reviewer of ${target.underReview} should have been drawn.`);
}

// ---------------------------------------------------------------------------------------------
// Benchmark
// ---------------------------------------------------------------------------------------------

/** Times group-1-sized draws (62 States under review) on the real parties; returns the median. */
export function benchDraw(options: { runs?: number; size?: number } = {}): { medianMs: number; runs: number } {
  const runs = options.runs ?? 30;
  const size = options.size ?? 62;
  const pool = referencePool();
  const all = pool.map((party) => party.iso3);
  const underReviewFor = (seed: string) => seededShuffle(all, `${seed}/group`).slice(0, size);
  drawLots({ seed: 'warm-up', underReview: underReviewFor('warm-up'), pool });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const seed = `bench-${i}`;
    const underReview = underReviewFor(seed);
    const start = performance.now();
    drawLots({ seed, underReview, pool });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs, runs };
}
