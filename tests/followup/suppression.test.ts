import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureFrame } from '../../scripts/followup/frame.js';
import type { Allocation } from '../../scripts/followup/model.js';
import { yearPeriod } from '../../scripts/followup/period.js';
import { computeStatistics } from '../../scripts/followup/statistics.js';
import { averageOf, changeOf, HIDDEN, shareOf, suppressCounts, suppressStatistics, SUPPRESSED } from '../../scripts/followup/suppression.js';

let row = 1;
/** `count` children with one allocation each to a measure in 2025 (and `since` for the start). */
function children(count: number, measureId: string, extra: Partial<Allocation> = {}, prefix = measureId): Allocation[] {
  return Array.from({ length: count }, (_, index) => ({
    row: ++row,
    measureId,
    childKey: `${prefix}-${index}`,
    start: '2025-02-01',
    end: '2025-06-01',
    ...extra,
  }));
}

const AGE_ONLY = (titel: string): MeasureFrame => ({ titel, frame: { alder: { fra: 0, til: 17 } } });

describe('the primary and complementary rule on a table of counts', () => {
  it('a count of 1 to 4 children is hidden as »færre end 5«, and so is the next smallest of its group, but 0 is shown', () => {
    const cells = [
      { id: 'total', value: 20, children: 20 },
      { id: 'a', value: 3, children: 3 },
      { id: 'b', value: 7, children: 7 },
      { id: 'c', value: 10, children: 10 },
      { id: 'd', value: 0, children: 0 },
    ];
    const { primary, complementary } = suppressCounts(cells, [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }]);
    expect([...primary]).toEqual(['a']);
    // 20 − 7 − 10 − 0 would give a's 3 back: b, the smallest shown part that is not 0, goes too.
    expect([...complementary]).toEqual(['b']);
  });

  it('judges a count by its children, not its allocations: 9 allocations for 3 children are hidden', () => {
    const { primary } = suppressCounts([{ id: 'x', value: 9, children: 3 }], []);
    expect(primary.has('x')).toBe(true);
  });

  it('repeats until no group has exactly one hidden member, across rows and columns', () => {
    // Two measures × two sides with row and column totals: m1's »outside« is primary; its row, then the column, then
    // the other row each need a second hidden count.
    const cells = [
      { id: 'm1-in', value: 10, children: 10 },
      { id: 'm1-out', value: 2, children: 2 },
      { id: 'm1', value: 12, children: 12 },
      { id: 'm2-in', value: 20, children: 20 },
      { id: 'm2-out', value: 6, children: 6 },
      { id: 'm2', value: 26, children: 26 },
      { id: 'in', value: 30, children: 30 },
      { id: 'out', value: 8, children: 8 },
    ];
    const groups = [
      { total: 'm1', parts: ['m1-in', 'm1-out'] },
      { total: 'm2', parts: ['m2-in', 'm2-out'] },
      { total: 'in', parts: ['m1-in', 'm2-in'] },
      { total: 'out', parts: ['m1-out', 'm2-out'] },
    ];
    const { primary, complementary } = suppressCounts(cells, groups);
    expect([...primary]).toEqual(['m1-out']);
    expect([...complementary].sort()).toEqual(['m1-in', 'm2-in', 'm2-out']);
  });

  it('no group is ever left with exactly one hidden member', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (table) => {
        // Rows of a table with a total per row and per column, the counts as children.
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        const width = Math.min(...table.map((values) => values.length));
        const columns = Array.from({ length: width }, (_, c) => sum(table.map((values) => values[c]!)));
        const cells = [
          ...table.flatMap((values, r) => [
            ...values.map((value, c) => ({ id: `${r}:${c}`, value, children: value })),
            { id: `${r}:sum`, value: sum(values), children: sum(values) },
          ]),
          ...columns.map((value, c) => ({ id: `col:${c}`, value, children: value })),
        ];
        const groups = [
          ...table.map((values, r) => ({ total: `${r}:sum`, parts: values.map((_, c) => `${r}:${c}`) })),
          ...Array.from({ length: width }, (_, c) => ({ total: `col:${c}`, parts: table.map((_, r) => `${r}:${c}`) })),
        ];
        const { primary, complementary } = suppressCounts(cells, groups);
        for (const group of groups) expect([group.total, ...group.parts].filter((id) => primary.has(id) || complementary.has(id)).length).not.toBe(1);
      }),
    );
  });
});

describe('derived figures', () => {
  it('a share, an average and a change are hidden when they would give a hidden count back', () => {
    expect(shareOf(17, [17, 0, SUPPRESSED, 0], 20)).toBe(HIDDEN);
    expect(shareOf(17, [17, 0, 3, 0], 20)).toBe(0.85);
    expect(shareOf(0, [0, 0, 0, 0], 0)).toBeUndefined();
    expect(averageOf(40000, 4, 4)).toBe(HIDDEN);
    expect(averageOf(50000, 5, 5)).toBe(10000);
    expect(changeOf(SUPPRESSED, 12)).toBe(HIDDEN);
    expect(changeOf(7, 12)).toBe(5);
  });
});

describe('the statistics with their hidden figures', () => {
  const measures = new Map([
    ['familiebehandling', AGE_ONLY('Familiebehandling')],
    ['kontaktperson', AGE_ONLY('Kontaktperson')],
    ['aflastning', AGE_ONLY('Aflastning')],
  ]);
  // Familiebehandling: 17 children inside the age range and 3 aged 18. Kontaktperson: 12 children, 8 of them with a cost of
  // 5.000 kr. Aflastning: 3 children, each with a cost of 1.000 kr.; in 2024 4 children, in 2025 the same 3.
  const allocations = [
    ...children(17, 'familiebehandling', { age: 10 }),
    ...children(3, 'familiebehandling', { age: 18 }, 'fb-aeldre'),
    ...children(8, 'kontaktperson', { age: 14, cost: 5000 }),
    ...children(4, 'kontaktperson', { age: 14 }, 'kp-uden'),
    ...children(3, 'aflastning', { age: 8, cost: 1000, start: '2024-06-01', end: '2025-06-01' }),
    ...children(1, 'aflastning', { age: 8, start: '2024-03-01', end: '2024-09-01' }, 'af-2024'),
  ];
  const shown = suppressStatistics(computeStatistics(allocations, measures, { current: yearPeriod(2025), previous: yearPeriod(2024) }));
  const measure = (id: string) => shown.current.measures.find((entry) => entry.measureId === id)!;

  it('hides the share inside the frame that would give the 3 children outside it back', () => {
    const age = measure('familiebehandling').age!;
    expect(age.above).toBe(SUPPRESSED);
    // 85 % of 20 allocations, or 20 − 17, would be the 3: the 17 and the share are hidden too; the zeros are shown.
    expect(age.inside).toBe(HIDDEN);
    expect(age.shareInside).toBe(HIDDEN);
    expect([age.below, age.unknown]).toEqual([0, 0]);
    expect(measure('familiebehandling').allocations).toBe(20);
  });

  it('hides a second measure when the total would give a hidden one back by subtraction', () => {
    // 20 + 12 + 3 = 35: with aflastning's 3 hidden, kontaktperson's 12 (the next smallest) is hidden too.
    expect(measure('aflastning').allocations).toBe(SUPPRESSED);
    expect(measure('aflastning').children).toBe(SUPPRESSED);
    expect(measure('kontaktperson').allocations).toBe(HIDDEN);
    expect(measure('familiebehandling').allocations).toBe(20);
    expect(shown.current.total.allocations).toBe(35);
  });

  it("hides kontaktperson's 12 inside the frame too, as they would give its hidden 12 allocations back", () => {
    expect(measure('kontaktperson').age).toEqual({ inside: HIDDEN, below: 0, above: 0, unknown: 0, shareInside: HIDDEN });
  });

  it('shows a share where every count of its table is shown', () => {
    const single = new Map([['kontaktperson', AGE_ONLY('Kontaktperson')]]);
    const alone = [...children(12, 'kontaktperson', { age: 14 }), ...children(6, 'kontaktperson', { age: 19 }, 'kp-aeldre')];
    const result = suppressStatistics(computeStatistics(alone, single, { current: yearPeriod(2025) }));
    // 12 of the 18 with an age inside 0–17: two thirds.
    expect(result.current.measures[0]!.age).toEqual({ inside: 12, below: 0, above: 6, unknown: 0, shareInside: 12 / 18 });
    expect(result.current.total.age?.shareInside).toBe(12 / 18);
  });

  it('hides a cost total for fewer than 5 children and an average over fewer than 5, and shows one over 8', () => {
    expect(measure('aflastning').cost.total).toBe(SUPPRESSED);
    expect(measure('aflastning').cost.average).toBe(HIDDEN);
    // Kontaktperson's 40.000 kr. would give aflastning's 3.000 back from the total 43.000: hidden as the complement.
    expect(measure('kontaktperson').cost.total).toBe(HIDDEN);
    expect(measure('kontaktperson').cost.average).toBe(HIDDEN);
    expect(shown.current.total.cost).toEqual({ total: 43000, allocations: 11, average: 43000 / 11 });
  });

  it('hides a change between periods where either side is hidden, and the JSON says so in words', () => {
    const change = shown.change!.measures.find((entry) => entry.measureId === 'aflastning')!;
    expect(change.allocations).toBe(HIDDEN);
    // 2024 has only aflastning's 4 children: the total is hidden too, and so is its change.
    expect(shown.previous!.total.allocations).toBe(SUPPRESSED);
    expect(shown.change!.total.allocations).toBe(HIDDEN);
    const json = JSON.stringify(shown);
    expect(json).toContain('"allocations":"færre end 5"');
    expect(json).toContain('"shareInside":"skjult"');
  });
});
