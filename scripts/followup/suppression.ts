import type { Frame } from './frame.js';
import type { Period } from './period.js';
import type { Distribution, FollowUpCheck, FollowUpStatistics, FrameCheck, MeasureStatistics, PeriodStatistics, Tally, TotalStatistics } from './statistics.js';

// Statistical discretion: no figure may let a reader tell how many of fewer than 5 children something concerns.
//
// 1. Primary: a count that covers 1 to 4 distinct children is shown as »færre end 5«. (A count of 0 is shown: it
//    concerns no child, and hiding every zero would hide each share of a measure that keeps its frame.)
// 2. Complementary: a table's counts add up to a total the reader sees (the sides of a frame check to the measure's
//    allocations, the measures to the total row). When exactly one count of such a group is hidden, it could be
//    recovered by subtraction, so the next smallest shown count of the group is hidden too; repeated until no group
//    has exactly one. Such a count is shown as »skjult«, not »færre end 5«, which would be untrue of it.
// 3. Derived: a share is shown only when every count of its group is (else it would give the missing count back),
//    an average only over at least 5 children, a change only when both its periods' figures are shown; else »skjult«.

/** What a count of 1 to 4 children is shown as, in every format, JSON included. */
export const SUPPRESSED = 'færre end 5';
/** What a count hidden to protect another, and a hidden share, average or change, is shown as. */
export const HIDDEN = 'skjult';
/** The fewest children a shown count may cover. */
export const MIN_CHILDREN = 5;

/** A figure as it may be shown: the number, »færre end 5« or »skjult«. */
export type Shown = number | typeof SUPPRESSED | typeof HIDDEN;

/** Whether a figure is hidden, either way. */
export function isHidden(value: Shown | undefined): value is typeof SUPPRESSED | typeof HIDDEN {
  return typeof value === 'string';
}

/** One count of a table: its value and the distinct children it covers. */
export interface CountCell {
  id: string;
  value: number;
  children: number;
}

/** Counts whose sum the reader knows: `total` (a cell, or a sum the reader can form, `public`) equals the sum of `parts`. */
export interface AdditiveGroup {
  total: string;
  parts: readonly string[];
}

/** Whether a count is hidden by the primary rule: it covers at least one and fewer than 5 children. */
export function isPrimarySuppressed(children: number): boolean {
  return children > 0 && children < MIN_CHILDREN;
}

/**
 * The ids of the counts to hide: the primary ones, then complementary ones until no additive group has exactly one
 * hidden member. The complement is the group's smallest shown part that is not 0 (a zero only when no other is left),
 * the first in the group's order on a tie; the total only when no part is left. Cells a group names but `cells`
 * lacks are sums the reader can form (never hidden themselves).
 */
export function suppressCounts(cells: readonly CountCell[], groups: readonly AdditiveGroup[]): { primary: Set<string>; complementary: Set<string> } {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const primary = new Set(cells.filter((cell) => isPrimarySuppressed(cell.children)).map((cell) => cell.id));
  const complementary = new Set<string>();
  const hidden = { has: (id: string) => primary.has(id) || complementary.has(id) };
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const members = [group.total, ...group.parts];
      if (members.filter((id) => hidden.has(id)).length !== 1) continue;
      const candidates = group.parts.filter((id) => !hidden.has(id) && byId.has(id)).map((id) => byId.get(id)!);
      const nonZero = candidates.filter((cell) => cell.value > 0);
      const pool = nonZero.length > 0 ? nonZero : candidates;
      const complement = pool.reduce<CountCell | undefined>(
        (smallest, cell) => (smallest === undefined || cell.value < smallest.value ? cell : smallest),
        undefined,
      );
      const target = complement?.id ?? (byId.has(group.total) && !hidden.has(group.total) ? group.total : undefined);
      if (target !== undefined) {
        complementary.add(target);
        changed = true;
      }
    }
  }
  return { primary, complementary };
}

/** A share of a group's counts: hidden when any count of the group is; undefined when the denominator is 0. */
export function shareOf(numerator: Shown, group: readonly Shown[], denominator: number): Shown | undefined {
  if (group.some(isHidden) || isHidden(numerator)) return HIDDEN;
  return denominator > 0 ? numerator / denominator : undefined;
}

/** An average of a sum over `count` allocations for `children` children: hidden under 5 children or with a hidden sum. */
export function averageOf(sum: Shown, count: number, children: number): Shown | undefined {
  if (count === 0) return undefined;
  if (isHidden(sum) || children < MIN_CHILDREN) return HIDDEN;
  return sum / count;
}

/** The change from one period to the next: hidden when either side is; undefined when either is missing. */
export function changeOf(before: Shown | undefined, after: Shown | undefined): Shown | undefined {
  if (before === undefined || after === undefined) return undefined;
  if (isHidden(before) || isHidden(after)) return HIDDEN;
  return after - before;
}

// The statistics with their hidden figures.

/** Allocations against one bound of the frame, and the share inside among those with a value (0–1). */
export interface ShownFrameCheck {
  inside: Shown;
  below: Shown;
  above: Shown;
  unknown: Shown;
  shareInside?: Shown;
}

export interface ShownBin {
  from: number;
  to?: number;
  inFrame: boolean;
  allocations: Shown;
}

export interface ShownDistribution {
  bins: ShownBin[];
  unknown: Shown;
}

export interface ShownFollowUp {
  intervalMonths?: number;
  open: Shown;
  overdue: Shown;
  onTime: Shown;
  shareOverdue?: Shown;
}

/** Total cost in kroner, the allocations it is over, and the average per allocation. */
export interface ShownCost {
  total: Shown;
  allocations: Shown;
  average?: Shown;
}

export interface ShownMeasure {
  measureId: string;
  titel: string;
  frame: Frame;
  allocations: Shown;
  children: Shown;
  age?: ShownFrameCheck;
  scope?: ShownFrameCheck;
  duration?: ShownFrameCheck;
  scopeDistribution?: ShownDistribution;
  durationDistribution: ShownDistribution;
  followUp?: ShownFollowUp;
  cost: ShownCost;
}

export type ShownTotal = Omit<ShownMeasure, 'measureId' | 'titel' | 'frame' | 'scopeDistribution' | 'durationDistribution'>;

export interface ShownPeriod {
  period: Period;
  measures: ShownMeasure[];
  total: ShownTotal;
}

/** From the comparison period to the report's: counts and kroner as differences, shares in percentage points (as fractions). */
export interface ShownChange {
  allocations?: Shown;
  children?: Shown;
  ageShare?: Shown;
  scopeShare?: Shown;
  durationShare?: Shown;
  overdue?: Shown;
  costTotal?: Shown;
  costAverage?: Shown;
}

export interface ShownStatistics {
  current: ShownPeriod;
  previous?: ShownPeriod;
  change?: { measures: ({ measureId: string } & ShownChange)[]; total: ShownChange };
}

const SIDES = ['inside', 'below', 'above', 'unknown'] as const;
const DIMENSIONS = ['age', 'scope', 'duration'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** The statistics as they may be shown: every period suppressed on its own, the change from what both show. */
export function suppressStatistics(statistics: FollowUpStatistics): ShownStatistics {
  const current = suppressPeriod(statistics.current);
  if (!statistics.previous) return { current };
  const previous = suppressPeriod(statistics.previous);
  const byId = new Map(previous.measures.map((measure) => [measure.measureId, measure]));
  return {
    current,
    previous,
    change: {
      measures: current.measures.map((measure) => ({ measureId: measure.measureId, ...changeBetween(byId.get(measure.measureId), measure) })),
      total: changeBetween(previous.total, current.total),
    },
  };
}

function changeBetween(before: ShownTotal | undefined, after: ShownTotal): ShownChange {
  const change: ShownChange = {};
  const set = (key: keyof ShownChange, value: Shown | undefined) => {
    if (value !== undefined) change[key] = value;
  };
  set('allocations', changeOf(before?.allocations, after.allocations));
  set('children', changeOf(before?.children, after.children));
  set('ageShare', changeOf(before?.age?.shareInside, after.age?.shareInside));
  set('scopeShare', changeOf(before?.scope?.shareInside, after.scope?.shareInside));
  set('durationShare', changeOf(before?.duration?.shareInside, after.duration?.shareInside));
  set('overdue', changeOf(before?.followUp?.overdue, after.followUp?.overdue));
  set('costTotal', changeOf(before?.cost.total, after.cost.total));
  set('costAverage', changeOf(before?.cost.average, after.cost.average));
  return change;
}

/** Cell ids: the measure (or »I alt«, which no measure id can be, having a space and a capital) and the figure. */
const TOTAL = 'I alt';
function id(group: string, ...figure: string[]): string {
  return [group, ...figure].join('\u0000');
}

/** The counts of one period as cells and groups, suppressed together, and the figures read back through the result. */
function suppressPeriod(statistics: PeriodStatistics): ShownPeriod {
  const cells: CountCell[] = [];
  const groups: AdditiveGroup[] = [];
  const add = (cellId: string, tally: Tally) => cells.push({ id: cellId, value: tally.allocations, children: tally.children });
  const addChildren = (cellId: string, tally: Tally) => cells.push({ id: cellId, value: tally.children, children: tally.children });

  const groupsOf = (key: string, figures: MeasureStatistics | TotalStatistics) => {
    add(id(key, 'all'), figures.all);
    addChildren(id(key, 'children'), figures.all);
    for (const dimension of DIMENSIONS) {
      const check = figures[dimension];
      if (!check) continue;
      for (const side of SIDES) add(id(key, dimension, side), check[side]);
    }
    if (figures.followUp) {
      for (const part of ['open', 'overdue', 'onTime'] as const) add(id(key, 'followUp', part), figures.followUp[part]);
      groups.push({ total: id(key, 'followUp', 'open'), parts: [id(key, 'followUp', 'overdue'), id(key, 'followUp', 'onTime')] });
    }
    cells.push({ id: id(key, 'cost'), value: figures.cost.total, children: figures.cost.costed.children });
    add(id(key, 'costed'), figures.cost.costed);
  };

  for (const measure of statistics.measures) {
    groupsOf(measure.measureId, measure);
    // A measure's frame checks add up to its allocations, which the reader sees.
    for (const dimension of DIMENSIONS)
      if (measure[dimension]) groups.push({ total: id(measure.measureId, 'all'), parts: SIDES.map((side) => id(measure.measureId, dimension, side)) });
    for (const [name, distribution] of [
      ['scopeBins', measure.scopeDistribution],
      ['durationBins', measure.durationDistribution],
    ] as const) {
      if (!distribution) continue;
      distribution.bins.forEach((bin, index) => add(id(measure.measureId, name, String(index)), bin.tally));
      add(id(measure.measureId, name, 'unknown'), distribution.unknown);
      groups.push({
        total: id(measure.measureId, 'all'),
        parts: [...distribution.bins.map((_, index) => id(measure.measureId, name, String(index))), id(measure.measureId, name, 'unknown')],
      });
      // The bins are laid out on the frame's bounds (statistics.ts), so the frame check's sides are sums of bins: below the
      // bins before the frame, inside those in it, above those after it, and the same allocations without a value.
      const dimension = name === 'scopeBins' ? 'scope' : 'duration';
      if (!measure[dimension]) continue;
      const firstInside = distribution.bins.findIndex((bin) => bin.inFrame);
      if (firstInside < 0) continue;
      const binIds = (predicate: (index: number) => boolean) =>
        distribution.bins.flatMap((bin, index) => (predicate(index) ? [id(measure.measureId, name, String(index))] : []));
      const side = (part: (typeof SIDES)[number]) => id(measure.measureId, dimension, part);
      groups.push(
        { total: side('below'), parts: binIds((index) => index < firstInside) },
        { total: side('inside'), parts: binIds((index) => distribution.bins[index]!.inFrame) },
        { total: side('above'), parts: binIds((index) => index > firstInside && !distribution.bins[index]!.inFrame) },
        { total: side('unknown'), parts: [id(measure.measureId, name, 'unknown')] },
      );
    }
  }
  groupsOf(TOTAL, statistics.total);
  // The total's frame checks add up to the allocations of the measures with that bound: the total row's when every
  // measure has it, else a sum the reader can form from the measures' rows.
  for (const dimension of DIMENSIONS) {
    if (!statistics.total[dimension]) continue;
    const base = statistics.measures.every((measure) => measure[dimension]) ? id(TOTAL, 'all') : id(TOTAL, dimension, 'base');
    groups.push({ total: base, parts: SIDES.map((side) => id(TOTAL, dimension, side)) });
  }

  // The measures add up to the total row, column by column (children only nearly, a child in two measures counted once in
  // the total; treated as a sum all the same, which hides more, never less).
  const column = (...figure: string[]) => ({
    total: id(TOTAL, ...figure),
    parts: statistics.measures
      .filter((measure) => cells.some((cell) => cell.id === id(measure.measureId, ...figure)))
      .map((measure) => id(measure.measureId, ...figure)),
  });
  groups.push(column('all'), column('children'), column('cost'), column('costed'));
  for (const dimension of DIMENSIONS) for (const side of SIDES) groups.push(column(dimension, side));
  for (const part of ['open', 'overdue', 'onTime']) groups.push(column('followUp', part));

  const { primary, complementary } = suppressCounts(cells, groups);
  const values = new Map(cells.map((cell) => [cell.id, cell.value]));
  const shown = (cellId: string): Shown => (primary.has(cellId) ? SUPPRESSED : complementary.has(cellId) ? HIDDEN : values.get(cellId)!);

  const frameCheck = (key: string, dimension: Dimension, check: FrameCheck): ShownFrameCheck => {
    const sides = SIDES.map((side) => shown(id(key, dimension, side)));
    const [inside, below, above, unknown] = sides as [Shown, Shown, Shown, Shown];
    const share = shareOf(inside, sides, check.inside.allocations + check.below.allocations + check.above.allocations);
    return { inside, below, above, unknown, ...(share !== undefined ? { shareInside: share } : {}) };
  };
  const followUp = (key: string, check: Omit<FollowUpCheck, 'intervalMonths'>): ShownFollowUp => {
    const [open, overdue, onTime] = (['open', 'overdue', 'onTime'] as const).map((part) => shown(id(key, 'followUp', part))) as [Shown, Shown, Shown];
    const share = shareOf(overdue, [open, overdue, onTime], check.open.allocations);
    return { open, overdue, onTime, ...(share !== undefined ? { shareOverdue: share } : {}) };
  };
  const figuresOf = (key: string, figures: MeasureStatistics | TotalStatistics): ShownTotal => {
    const total = shown(id(key, 'cost'));
    const average = averageOf(total, figures.cost.costed.allocations, figures.cost.costed.children);
    const result: ShownTotal = {
      allocations: shown(id(key, 'all')),
      children: shown(id(key, 'children')),
      cost: { total, allocations: shown(id(key, 'costed')), ...(average !== undefined ? { average } : {}) },
    };
    for (const dimension of DIMENSIONS) {
      const check = figures[dimension];
      if (check) result[dimension] = frameCheck(key, dimension, check);
    }
    if (figures.followUp) result.followUp = followUp(key, figures.followUp);
    return result;
  };
  const distribution = (key: string, name: string, input: Distribution): ShownDistribution => ({
    bins: input.bins.map((bin, index) => ({
      from: bin.from,
      ...(bin.to !== undefined ? { to: bin.to } : {}),
      inFrame: bin.inFrame,
      allocations: shown(id(key, name, String(index))),
    })),
    unknown: shown(id(key, name, 'unknown')),
  });

  return {
    period: statistics.period,
    measures: statistics.measures.map((measure) => {
      const { followUp: shownFollowUp, ...figures } = figuresOf(measure.measureId, measure);
      return {
        measureId: measure.measureId,
        titel: measure.titel,
        frame: measure.frame,
        ...figures,
        ...(measure.scopeDistribution ? { scopeDistribution: distribution(measure.measureId, 'scopeBins', measure.scopeDistribution) } : {}),
        durationDistribution: distribution(measure.measureId, 'durationBins', measure.durationDistribution),
        ...(shownFollowUp && measure.followUp ? { followUp: { intervalMonths: measure.followUp.intervalMonths, ...shownFollowUp } } : {}),
      };
    }),
    total: figuresOf(TOTAL, statistics.total),
  };
}
