import { yearPeriod } from '../../scripts/followup/period.js';
import { presentReport, type DataNotes, type ReportPresentation } from '../../scripts/followup/present-report.js';
import { computeStatistics } from '../../scripts/followup/statistics.js';
import { suppressStatistics } from '../../scripts/followup/suppression.js';
import { MEASURES, syntheticAllocations } from './allocations-fixture.js';

/** What the export said about itself, for the synthetic export. */
export const NOTES: DataNotes = {
  file: 'bevillinger.csv',
  totalRows: 312,
  skippedRows: 2,
  allocations: 294,
  problems: [
    { row: 40, column: 'Startdato', message: 'Datoen kan ikke læses' },
    { row: 7, column: 'Slutdato', message: 'Slutdatoen ligger før startdatoen' },
  ],
  unmapped: [{ code: 'FAM-99', rows: 14 }],
  droppedColumns: ['CPR-nr.', 'Navn'],
};

/** The report of the synthetic export for 2025 compared with 2024, for Eksempel Kommune. */
export function exampleReport(measures = MEASURES): ReportPresentation {
  const statistics = suppressStatistics(computeStatistics(syntheticAllocations(), measures, { current: yearPeriod(2025), previous: yearPeriod(2024) }));
  return presentReport(statistics, { kommune: 'Eksempel Kommune', omraade: 'Børn og unge med særlige behov' }, NOTES);
}
