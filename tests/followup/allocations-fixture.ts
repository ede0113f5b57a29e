import type { MeasureFrame } from '../../scripts/followup/frame.js';
import type { Allocation } from '../../scripts/followup/model.js';
import { random } from '../../scripts/followup/example-export.js';

// A small export, every figure of which is computed by hand in statistics.test.ts: three measures, fourteen rows.

/** Familiebehandling, kontaktperson and aflastning with frames that between them use every bound. */
export const MEASURES: ReadonlyMap<string, MeasureFrame> = new Map([
  [
    'familiebehandling',
    {
      titel: 'Familiebehandling',
      frame: {
        alder: { fra: 0, til: 17 },
        omfang: { enhed: 'timer om ugen', fra: 2, til: 5 },
        varighed: { fra: 6, til: 12, maks: 12 },
        opfoelgning: { foerste: 3, derefter: 6 },
        enhedspris: { beloeb: 450, enhed: 'time' },
      },
    },
  ],
  [
    'kontaktperson',
    {
      titel: 'Kontaktperson',
      frame: { alder: { fra: 12, til: 22 }, omfang: { enhed: 'timer om ugen', fra: 1, til: 3 }, varighed: { til: 24 }, opfoelgning: { foerste: 3 } },
    },
  ],
  ['aflastning', { titel: 'Aflastning', frame: { alder: { fra: 0, til: 17 } } }],
]);

/** Rows 2–15 of the export (row 1 is the header). */
export const ALLOCATIONS: Allocation[] = [
  // Familiebehandling
  { row: 2, measureId: 'familiebehandling', childKey: 'c1', age: 5, start: '2024-03-01', end: '2025-03-01', scope: 3, cost: 10000, lastFollowUp: '2024-09-01' },
  { row: 3, measureId: 'familiebehandling', childKey: 'c2', age: 17, start: '2025-02-01', scope: 6, cost: 20000, lastFollowUp: '2025-08-01' },
  { row: 4, measureId: 'familiebehandling', childKey: 'c3', age: 18, start: '2025-01-15', end: '2026-06-15', scope: 1 },
  { row: 5, measureId: 'familiebehandling', childKey: 'c1', age: 6, start: '2025-06-01', cost: 5000, lastFollowUp: '2025-06-15' },
  { row: 6, measureId: 'familiebehandling', childKey: 'c4', start: '2023-01-01', end: '2024-12-31', scope: 4 },
  { row: 7, measureId: 'familiebehandling', childKey: 'c5', age: 10, start: '2026-01-01', scope: 3 },
  // Kontaktperson
  { row: 8, measureId: 'kontaktperson', childKey: 'c6', age: 14, start: '2025-03-10', end: '2025-09-10', scope: 2, cost: 8000 },
  { row: 9, measureId: 'kontaktperson', childKey: 'c7', age: 11, start: '2024-11-01', scope: 4, cost: 12000, lastFollowUp: '2025-10-15' },
  { row: 10, measureId: 'kontaktperson', age: 20, start: '2025-12-31', scope: 3 },
  { row: 11, measureId: 'kontaktperson', age: 16, start: '2024-06-01', end: '2025-01-01', scope: 2 },
  // Aflastning
  { row: 12, measureId: 'aflastning', childKey: 'c1', age: 7, start: '2025-05-01', end: '2025-08-01', cost: 3000 },
  { row: 13, measureId: 'aflastning', childKey: 'c8', age: 19, start: '2024-01-01' },
  // A measure the policies do not have: left out of every figure.
  { row: 14, measureId: 'ukendt-indsats', childKey: 'c9', age: 9, start: '2025-02-01' },
  { row: 15, measureId: 'aflastning', childKey: 'c9', age: 9, start: '2022-01-01', end: '2023-01-01' },
];

/** About 300 synthetic allocations over 2024–2025 for the three measures, with few enough aflastning rows that some figures are hidden. */
export function syntheticAllocations(seed = 17): Allocation[] {
  const next = random(seed);
  const pick = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  const date = (year: number) => `${year}-${String(pick(1, 12)).padStart(2, '0')}-${String(pick(1, 28)).padStart(2, '0')}`;
  const plan = [
    { measureId: 'familiebehandling', count: 160, scope: [1, 8] as const, months: [2, 20] as const, age: [0, 18] as const },
    { measureId: 'kontaktperson', count: 120, scope: [0.5, 5] as const, months: [3, 30] as const, age: [11, 23] as const },
    { measureId: 'aflastning', count: 14, scope: undefined, months: [1, 14] as const, age: [3, 17] as const },
  ];
  const allocations: Allocation[] = [];
  let row = 1;
  for (const { measureId, count, scope, months, age } of plan) {
    for (let index = 0; index < count; index++) {
      const start = date(pick(2023, 2025));
      const [year, month, day] = start.split('-').map(Number) as [number, number, number];
      const length = pick(months[0], months[1]);
      const endDate = new Date(Date.UTC(year, month - 1 + length, day)).toISOString().slice(0, 10);
      const open = next() < 0.3;
      allocations.push({
        row: ++row,
        measureId,
        childKey: `barn-${measureId}-${Math.floor(index * 0.85)}`,
        ...(next() < 0.95 ? { age: pick(age[0], age[1]) } : {}),
        start,
        ...(open ? {} : { end: endDate }),
        ...(scope && next() < 0.9 ? { scope: Math.round((scope[0] + next() * (scope[1] - scope[0])) * 2) / 2 } : {}),
        ...(next() < 0.8 ? { cost: pick(5, 120) * 1000 } : {}),
        ...(next() < 0.6 ? { lastFollowUp: date(pick(2024, 2025)) } : {}),
      });
    }
  }
  return allocations;
}
