import { durationLimitOf, followUpIntervalOf, type Frame, type MeasureFrame } from './frame.js';
import type { Allocation } from './model.js';
import { addMonths, monthsBetween, overlaps, periodEnd, type Period, type Periods } from './period.js';

// What the follow-up computes, before anything is hidden: every count carries how many distinct children it covers,
// so suppression.ts can judge it by the children and not by the allocations.

/** A count of allocations and of the distinct children they are for. */
export interface Tally {
  allocations: number;
  children: number;
}

/** Allocations set against one bound of the frame: inside it, below it, above it, or without the value to tell. */
export interface FrameCheck {
  inside: Tally;
  below: Tally;
  above: Tally;
  unknown: Tally;
}

/** One bar of a distribution: values from `from` (included) to `to` (included when `closed`), or everything over `from`. */
export interface Bin {
  from: number;
  to?: number;
  inFrame: boolean;
  tally: Tally;
}

/** A distribution of scope or duration over bins laid out around the frame, and the allocations without a value. */
export interface Distribution {
  bins: Bin[];
  unknown: Tally;
}

/** Open allocations at the period's end, and those whose latest follow-up (or start) lies more than the interval back. */
export interface FollowUpCheck {
  intervalMonths: number;
  open: Tally;
  overdue: Tally;
  onTime: Tally;
}

/** The cost of the allocations that have one. */
export interface CostSum {
  total: number;
  costed: Tally;
}

/** The figures of one measure in one period. */
export interface MeasureStatistics {
  measureId: string;
  titel: string;
  frame: Frame;
  all: Tally;
  age?: FrameCheck;
  scope?: FrameCheck;
  duration?: FrameCheck;
  scopeDistribution?: Distribution;
  durationDistribution: Distribution;
  followUp?: FollowUpCheck;
  cost: CostSum;
}

/** The figures of all measures together: each frame check over the measures that have that bound. */
export interface TotalStatistics {
  all: Tally;
  age?: FrameCheck;
  scope?: FrameCheck;
  duration?: FrameCheck;
  followUp?: Omit<FollowUpCheck, 'intervalMonths'>;
  cost: CostSum;
}

/** One period's figures. */
export interface PeriodStatistics {
  period: Period;
  measures: MeasureStatistics[];
  total: TotalStatistics;
}

/** The report's figures: its period and, when asked, the period it is compared with. */
export interface FollowUpStatistics {
  current: PeriodStatistics;
  previous?: PeriodStatistics;
}

/** The month bounds of the duration distribution; the frame's own limit is added to them. */
export const DURATION_EDGES = [3, 6, 12, 24] as const;

/** The figures of every measure in `measures` (in title order) and in total, for the period and the comparison period. */
export function computeStatistics(allocations: readonly Allocation[], measures: ReadonlyMap<string, MeasureFrame>, periods: Periods): FollowUpStatistics {
  const current = periodStatistics(allocations, measures, periods.current);
  return periods.previous ? { current, previous: periodStatistics(allocations, measures, periods.previous) } : { current };
}

/** Counts allocations and the distinct children among them; an allocation without a child key is a child of its own. */
class Counter {
  allocations = 0;
  /** A child by its key; a row without a key by its row number (a number, so it never equals a key). */
  private readonly children = new Set<string | number>();

  add(allocation: Allocation): void {
    this.allocations++;
    this.children.add(allocation.childKey ?? allocation.row);
  }

  tally(): Tally {
    return { allocations: this.allocations, children: this.children.size };
  }
}

/** Which frame checks a group has. */
interface Bounds {
  age: boolean;
  scope: boolean;
  duration: boolean;
  followUp: boolean;
}

function boundsOf(frame: Frame): Bounds {
  return { age: !!frame.alder, scope: !!frame.omfang, duration: durationLimitOf(frame) !== undefined, followUp: followUpIntervalOf(frame) !== undefined };
}

type Side = 'inside' | 'below' | 'above' | 'unknown';

class FrameCounter {
  private readonly sides: Record<Side, Counter> = { inside: new Counter(), below: new Counter(), above: new Counter(), unknown: new Counter() };

  add(side: Side, allocation: Allocation): void {
    this.sides[side].add(allocation);
  }

  check(): FrameCheck {
    return { inside: this.sides.inside.tally(), below: this.sides.below.tally(), above: this.sides.above.tally(), unknown: this.sides.unknown.tally() };
  }
}

/** Where a value lies against a range, both ends included. */
function sideOf(value: number | undefined, from: number, to: number): Side {
  if (value === undefined) return 'unknown';
  return value < from ? 'below' : value > to ? 'above' : 'inside';
}

interface BinSpec {
  from: number;
  to?: number;
  /** Whether `to` itself belongs to the bin. */
  closed: boolean;
  inFrame: boolean;
}

/** A number rounded to the nearest half, for bin edges a reader can take in. */
function half(value: number): number {
  return Math.round(value * 2) / 2;
}

/** Scope bins around the frame fra–til: below it, its lower and upper half, up to half again over it, and beyond. */
export function scopeBins(fra: number, til: number): BinSpec[] {
  const bins: BinSpec[] = [];
  if (fra > 0) bins.push({ from: 0, to: fra, closed: false, inFrame: false });
  const middle = half((fra + til) / 2);
  if (middle > fra && middle < til) bins.push({ from: fra, to: middle, closed: false, inFrame: true }, { from: middle, to: til, closed: true, inFrame: true });
  else bins.push({ from: fra, to: til, closed: true, inFrame: true });
  const beyond = til > 0 ? half(til * 1.5) : 1;
  bins.push({ from: til, to: beyond, closed: true, inFrame: false }, { from: beyond, closed: false, inFrame: false });
  return bins;
}

/** Duration bins in months: 0–3, 3–6, 6–12, 12–24 and over 24, with the frame's limit as an edge of its own. */
export function durationBins(limit: number | undefined): BinSpec[] {
  const edges = [...new Set([...DURATION_EDGES, ...(limit !== undefined && limit > 0 ? [limit] : [])])].sort((a, b) => a - b);
  const bins: BinSpec[] = edges.map((edge, index) => ({
    from: index === 0 ? 0 : edges[index - 1]!,
    to: edge,
    closed: true,
    inFrame: limit !== undefined && edge <= limit,
  }));
  bins.push({ from: edges.at(-1)!, closed: false, inFrame: false });
  return bins;
}

/** The index of the bin a value falls in: the first whose upper edge it is below (or on, for a closed bin). */
function binOf(bins: readonly BinSpec[], value: number): number {
  const index = bins.findIndex((bin) => bin.to === undefined || value < bin.to || (bin.closed && value === bin.to));
  return index < 0 ? bins.length - 1 : index;
}

class DistributionCounter {
  private readonly counters: Counter[];
  private readonly unknown = new Counter();

  constructor(private readonly specs: BinSpec[]) {
    this.counters = specs.map(() => new Counter());
  }

  add(value: number | undefined, allocation: Allocation): void {
    if (value === undefined) this.unknown.add(allocation);
    else this.counters[binOf(this.specs, value)]!.add(allocation);
  }

  distribution(): Distribution {
    return {
      bins: this.specs.map((spec, index) => ({
        from: spec.from,
        ...(spec.to !== undefined ? { to: spec.to } : {}),
        inFrame: spec.inFrame,
        tally: this.counters[index]!.tally(),
      })),
      unknown: this.unknown.tally(),
    };
  }
}

/** Months the allocation runs: from start to its end, or to the period's end while it has none. */
export function durationOf(allocation: Allocation, period: Period): number {
  return monthsBetween(allocation.start, allocation.end ?? periodEnd(period));
}

/** Whether the allocation still runs when the period ends. */
function isOpenAt(allocation: Allocation, end: string): boolean {
  return allocation.end === undefined || allocation.end > end;
}

/** Counters for one group of allocations (a measure, or all of them); frame checks only for the bounds given. */
class GroupCounter {
  readonly all = new Counter();
  readonly age = new FrameCounter();
  readonly scope = new FrameCounter();
  readonly duration = new FrameCounter();
  readonly open = new Counter();
  readonly overdue = new Counter();
  readonly onTime = new Counter();
  readonly costed = new Counter();
  cost = 0;

  /** Which frame checks the group has: a measure's own bounds, or for the total every bound some measure has. */
  constructor(readonly bounds: Bounds) {}

  add(allocation: Allocation, frame: Frame, period: Period): void {
    this.all.add(allocation);
    if (frame.alder) {
      this.age.add(sideOf(allocation.age, frame.alder.fra, frame.alder.til), allocation);
    }
    if (frame.omfang) {
      this.scope.add(sideOf(allocation.scope, frame.omfang.fra, frame.omfang.til), allocation);
    }
    const limit = durationLimitOf(frame);
    // In calendar months (period.ts): 1 March to 1 March is 12 and keeps a 12-month limit.
    if (limit !== undefined) this.duration.add(durationOf(allocation, period) <= limit ? 'inside' : 'above', allocation);
    const interval = followUpIntervalOf(frame);
    if (interval !== undefined) {
      const end = periodEnd(period);
      if (isOpenAt(allocation, end)) {
        this.open.add(allocation);
        const due = addMonths(allocation.lastFollowUp ?? allocation.start, interval);
        (due < end ? this.overdue : this.onTime).add(allocation);
      }
    }
    if (allocation.cost !== undefined) {
      this.cost += allocation.cost;
      this.costed.add(allocation);
    }
  }
}

function periodStatistics(allocations: readonly Allocation[], measures: ReadonlyMap<string, MeasureFrame>, period: Period): PeriodStatistics {
  const ordered = [...measures.entries()].sort(([idA, a], [idB, b]) => a.titel.localeCompare(b.titel, 'da') || (idA < idB ? -1 : 1));
  const groups = new Map(
    ordered.map(([id, measure]) => [
      id,
      { measure, counter: new GroupCounter(boundsOf(measure.frame)), scope: scopeCounter(measure.frame), duration: durationCounter(measure.frame) },
    ]),
  );
  const any = (bound: keyof Bounds) => ordered.some(([, measure]) => boundsOf(measure.frame)[bound]);
  const total = new GroupCounter({ age: any('age'), scope: any('scope'), duration: any('duration'), followUp: any('followUp') });
  for (const allocation of allocations) {
    const group = groups.get(allocation.measureId);
    if (!group || !overlaps(allocation.start, allocation.end, period)) continue;
    group.counter.add(allocation, group.measure.frame, period);
    total.add(allocation, group.measure.frame, period);
    group.scope?.add(allocation.scope, allocation);
    group.duration.add(durationOf(allocation, period), allocation);
  }
  return {
    period,
    measures: [...groups.entries()].map(([measureId, { measure, counter, scope, duration }]) => {
      const interval = followUpIntervalOf(measure.frame);
      return {
        measureId,
        titel: measure.titel,
        frame: measure.frame,
        ...groupFigures(counter),
        ...(scope ? { scopeDistribution: scope.distribution() } : {}),
        durationDistribution: duration.distribution(),
        ...(interval !== undefined ? { followUp: { intervalMonths: interval, ...followUpOf(counter) } } : {}),
      };
    }),
    total: { ...groupFigures(total), ...(total.bounds.followUp ? { followUp: followUpOf(total) } : {}) },
  };
}

function scopeCounter(frame: Frame): DistributionCounter | undefined {
  return frame.omfang ? new DistributionCounter(scopeBins(frame.omfang.fra, frame.omfang.til)) : undefined;
}

function durationCounter(frame: Frame): DistributionCounter {
  return new DistributionCounter(durationBins(durationLimitOf(frame)));
}

function followUpOf(counter: GroupCounter): Omit<FollowUpCheck, 'intervalMonths'> {
  return { open: counter.open.tally(), overdue: counter.overdue.tally(), onTime: counter.onTime.tally() };
}

/** A group's counts; a frame check only where some allocation of the group was checked against that bound. */
function groupFigures(counter: GroupCounter): Pick<TotalStatistics, 'all' | 'age' | 'scope' | 'duration' | 'cost'> {
  return {
    all: counter.all.tally(),
    ...(counter.bounds.age ? { age: counter.age.check() } : {}),
    ...(counter.bounds.scope ? { scope: counter.scope.check() } : {}),
    ...(counter.bounds.duration ? { duration: counter.duration.check() } : {}),
    cost: { total: counter.cost, costed: counter.costed.tally() },
  };
}
