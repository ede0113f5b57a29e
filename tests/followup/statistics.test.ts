import { describe, expect, it } from 'vitest';
import { addMonths, datePeriod, monthsBetween, overlaps, yearPeriod } from '../../scripts/followup/period.js';
import { computeStatistics, durationBins, scopeBins } from '../../scripts/followup/statistics.js';
import { ALLOCATIONS, MEASURES } from './allocations-fixture.js';

// Every figure below is worked out by hand from allocations-fixture.ts; the working is in the comments.

const statistics = computeStatistics(ALLOCATIONS, MEASURES, { current: yearPeriod(2025), previous: yearPeriod(2024) });
const measure = (id: string) => statistics.current.measures.find((entry) => entry.measureId === id)!;
const earlier = (id: string) => statistics.previous!.measures.find((entry) => entry.measureId === id)!;

describe('calendar arithmetic', () => {
  it('a month after 31 January is the last day of February, and 1 March to 1 March is 12 months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(monthsBetween('2024-03-01', '2025-03-01')).toBe(12);
    // 15 January to 15 June 2026 is 17 months; 31 December to 1 January is 1/31 of a month.
    expect(monthsBetween('2025-01-15', '2026-06-15')).toBe(17);
    expect(monthsBetween('2025-12-31', '2026-01-01')).toBeCloseTo(1 / 31, 10);
  });

  it('an allocation ending on the first day of the period does not overlap it; one without an end does', () => {
    const year = yearPeriod(2025);
    expect(overlaps('2024-06-01', '2025-01-01', year)).toBe(false);
    expect(overlaps('2024-06-01', '2025-01-02', year)).toBe(true);
    expect(overlaps('2025-12-31', undefined, year)).toBe(true);
    expect(overlaps('2026-01-01', undefined, year)).toBe(false);
    expect(datePeriod('2025-01-01', '2025-12-31').label).toBe('2025');
    expect(datePeriod('2025-01-01', '2025-06-30').label).toBe('1. januar 2025 – 30. juni 2025');
  });
});

describe('the statistics of a small hand-computed export', () => {
  it('measures are in title order, and a row of a measure the policies lack is in no figure', () => {
    expect(statistics.current.measures.map((entry) => entry.measureId)).toEqual(['aflastning', 'familiebehandling', 'kontaktperson']);
  });

  it('counts the allocations running in the period and the distinct children they are for', () => {
    // 2025, familiebehandling: rows 2 (ends 1 March 2025), 3, 4, 5 — not row 6 (ended 31 Dec 2024), not row 7 (starts 2026).
    // Children c1 (rows 2 and 5), c2, c3: 3.
    expect(measure('familiebehandling').all).toEqual({ allocations: 4, children: 3 });
    // Kontaktperson: rows 8, 9, 10 — not row 11, which ends on 1 January 2025. Row 10 has no child key and is a child of its own.
    expect(measure('kontaktperson').all).toEqual({ allocations: 3, children: 3 });
    // Aflastning: rows 12, 13 (open since 2024) — not row 15 (ended 2023).
    expect(measure('aflastning').all).toEqual({ allocations: 2, children: 2 });
    // In total 9 allocations; children c1, c2, c3, c6, c7, row 10, c8: 7 (c1 has both familiebehandling and aflastning).
    expect(statistics.current.total.all).toEqual({ allocations: 9, children: 7 });
  });

  it('sets age, scope and duration against the frame', () => {
    // Familiebehandling, 0–17 år: ages 5, 17, 18, 6 → inside rows 2, 3, 5 (children c1, c2), above row 4.
    expect(measure('familiebehandling').age).toEqual({
      inside: { allocations: 3, children: 2 },
      below: { allocations: 0, children: 0 },
      above: { allocations: 1, children: 1 },
      unknown: { allocations: 0, children: 0 },
    });
    // 2–5 timer om ugen: 3 inside, 6 above, 1 below, row 5 without scope.
    expect(measure('familiebehandling').scope).toEqual({
      inside: { allocations: 1, children: 1 },
      below: { allocations: 1, children: 1 },
      above: { allocations: 1, children: 1 },
      unknown: { allocations: 1, children: 1 },
    });
    // Maks 12 months: row 2 runs exactly 12 (inside), row 3 to the period's end 11, row 5 7, row 4 17 (above).
    expect(measure('familiebehandling').duration?.inside).toEqual({ allocations: 3, children: 2 });
    expect(measure('familiebehandling').duration?.above).toEqual({ allocations: 1, children: 1 });
    // Kontaktperson, 12–22 år: 14 and 20 inside, 11 below; 1–3 timer: 2 and 3 inside (3 is the upper end, included), 4 above.
    expect(measure('kontaktperson').age?.inside.allocations).toBe(2);
    expect(measure('kontaktperson').age?.below.allocations).toBe(1);
    expect(measure('kontaktperson').scope?.inside.allocations).toBe(2);
    expect(measure('kontaktperson').scope?.above.allocations).toBe(1);
    // Varighed til 24 with no maks: 6, 14 and 1/31 months are all inside.
    expect(measure('kontaktperson').duration?.inside.allocations).toBe(3);
    // Aflastning has only an age range: 7 inside, 19 above; no scope or duration check.
    expect(measure('aflastning').age?.inside.allocations).toBe(1);
    expect(measure('aflastning').age?.above.allocations).toBe(1);
    expect(measure('aflastning').scope).toBeUndefined();
    expect(measure('aflastning').duration).toBeUndefined();
    // Totals: age inside 3 + 2 + 1 = 6 (children c1, c2, c6, row 10: 4), below 1, above 1 + 0 + 1 = 2.
    expect(statistics.current.total.age).toEqual({
      inside: { allocations: 6, children: 4 },
      below: { allocations: 1, children: 1 },
      above: { allocations: 2, children: 2 },
      unknown: { allocations: 0, children: 0 },
    });
    // Scope over familiebehandling and kontaktperson: inside 1 + 2, below 1, above 1 + 1, unknown 1.
    const scope = statistics.current.total.scope!;
    expect([scope.inside.allocations, scope.below.allocations, scope.above.allocations, scope.unknown.allocations]).toEqual([3, 1, 2, 1]);
    expect([statistics.current.total.duration!.inside.allocations, statistics.current.total.duration!.above.allocations]).toEqual([6, 1]);
  });

  it('lays the distributions out around the frame and counts each allocation in one bin', () => {
    // 2–5: under 2, 2–3,5, 3,5–5 (5 included), over 5 to 7,5, over 7,5.
    expect(scopeBins(2, 5).map((bin) => [bin.from, bin.to, bin.inFrame])).toEqual([
      [0, 2, false],
      [2, 3.5, true],
      [3.5, 5, true],
      [5, 7.5, false],
      [7.5, undefined, false],
    ]);
    // Scopes 3, 6, 1 and one unknown.
    expect(measure('familiebehandling').scopeDistribution!.bins.map((bin) => bin.tally.allocations)).toEqual([1, 1, 0, 1, 0]);
    expect(measure('familiebehandling').scopeDistribution!.unknown.allocations).toBe(1);
    // Kontaktperson 1–3: scopes 2 and 3 in »2–3«, 4 in »3–4,5«.
    expect(measure('kontaktperson').scopeDistribution!.bins.map((bin) => bin.tally.allocations)).toEqual([0, 0, 2, 1, 0]);
    // Durations in months 0–3, 3–6, 6–12, 12–24, over 24; the limit 12 is already an edge.
    expect(durationBins(12).map((bin) => bin.inFrame)).toEqual([true, true, true, false, false]);
    expect(durationBins(9).map((bin) => bin.to)).toEqual([3, 6, 9, 12, 24, undefined]);
    // Familiebehandling: 12, 11, 17, 7 months.
    expect(measure('familiebehandling').durationDistribution.bins.map((bin) => bin.tally.allocations)).toEqual([0, 0, 3, 1, 0]);
    // Aflastning, no limit: 3 months (1 May to 1 August, in »0–3«) and 24 (1 January 2024 to the period's end, in »12–24«).
    expect(measure('aflastning').durationDistribution.bins.map((bin) => [bin.tally.allocations, bin.inFrame])).toEqual([
      [1, false],
      [0, false],
      [0, false],
      [1, false],
      [0, false],
    ]);
  });

  it('finds the open allocations past their follow-up interval at the period end', () => {
    // Familiebehandling, every 6 months: open at 1 January 2026 are rows 3, 4 (ends June 2026) and 5.
    // Row 3 followed up 1 Aug 2025 → due 1 Feb 2026: on time. Row 4, never, started 15 Jan 2025 → due 15 Jul 2025: overdue.
    // Row 5 followed up 15 Jun 2025 → due 15 Dec 2025: overdue.
    expect(measure('familiebehandling').followUp).toEqual({
      intervalMonths: 6,
      open: { allocations: 3, children: 3 },
      overdue: { allocations: 2, children: 2 },
      onTime: { allocations: 1, children: 1 },
    });
    // Kontaktperson, only »foerste: 3«: rows 9 (followed up 15 Oct 2025 → 15 Jan 2026) and 10 (started 31 Dec → 31 Mar) are on time.
    expect(measure('kontaktperson').followUp?.intervalMonths).toBe(3);
    expect(measure('kontaktperson').followUp?.overdue.allocations).toBe(0);
    expect(measure('kontaktperson').followUp?.onTime.allocations).toBe(2);
    expect(measure('aflastning').followUp).toBeUndefined();
    expect(statistics.current.total.followUp).toEqual({
      open: { allocations: 5, children: 5 },
      overdue: { allocations: 2, children: 2 },
      onTime: { allocations: 3, children: 3 },
    });
  });

  it('adds up the cost of the allocations that have one', () => {
    // Familiebehandling: 10.000 + 20.000 + 5.000 over rows 2, 3, 5 (children c1, c2).
    expect(measure('familiebehandling').cost).toEqual({ total: 35000, costed: { allocations: 3, children: 2 } });
    expect(measure('kontaktperson').cost).toEqual({ total: 20000, costed: { allocations: 2, children: 2 } });
    // In total 35.000 + 20.000 + 3.000; children c1, c2, c6, c7.
    expect(statistics.current.total.cost).toEqual({ total: 58000, costed: { allocations: 6, children: 4 } });
  });

  it('computes the comparison period the same way', () => {
    // 2024: familiebehandling rows 2 and 6; kontaktperson rows 9 and 11; aflastning row 13.
    expect(earlier('familiebehandling').all).toEqual({ allocations: 2, children: 2 });
    expect(earlier('kontaktperson').all).toEqual({ allocations: 2, children: 2 });
    expect(earlier('aflastning').all).toEqual({ allocations: 1, children: 1 });
    expect(statistics.previous!.total.all.allocations).toBe(5);
    // A closed allocation counts its whole length: row 2 runs 12 months (inside), row 6 from 1 January 2023 to 31 December 2024
    // just under 24 (above).
    expect(earlier('familiebehandling').duration?.inside.allocations).toBe(1);
    expect(earlier('familiebehandling').duration?.above.allocations).toBe(1);
  });
});
