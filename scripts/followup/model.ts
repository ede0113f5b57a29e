import type { Lovregister, OpfoelgningConfig } from '../model/generated-types.js';

/** The unit of a measure's typical scope (`ramme.omfang.enhed`); the generated `RammeEnhed` once the frame schema is merged. */
export type ScopeUnit = 'timer om ugen' | 'timer om måneden' | 'døgn om måneden' | 'sessioner om ugen' | 'samtaler i alt';

/** One allocation (bevilling) as read from the export: never a name, CPR number or address. */
export interface Allocation {
  /** 1-based row number in the file as a spreadsheet shows it (header = row 1). */
  row: number;
  measureId: string;
  /** A key that tells children apart within this run only: a case/child id column, or an HMAC of the CPR number with a
   *  random per-run key. Never the CPR number itself. Undefined when the export has neither. */
  childKey?: string;
  /** Age in whole years at the allocation's start (from an age column, or a birth date column). */
  age?: number;
  /** ISO dates YYYY-MM-DD. */
  start: string;
  end?: string;
  /** Scope in the unit of the measure's frame (ramme.omfang.enhed), converted from the export's unit where it can be
   *  (week ↔ month by 52/12); undefined when the export has no scope or the unit cannot be converted. */
  scope?: number;
  /** Cost in kroner for the allocation (as exported). */
  cost?: number;
  /** ISO date of the latest follow-up, when the export has that column. */
  lastFollowUp?: string;
}

/** A row that could not be read in full; the message names the row and column, never a cell's value. */
export interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

/** A measure code (as exported) that maps to no measure, and on how many rows. */
export interface UnmappedCode {
  code: string;
  rows: number;
}

/** What reading an export gave. */
export interface ReadExport {
  file: string;
  /** Data rows, after empty and total rows are skipped. */
  totalRows: number;
  /** Empty rows and Excel total rows (»I alt«, »Total«, »Sum«). */
  skippedRows: number;
  allocations: Allocation[];
  problems: RowProblem[];
  unmapped: UnmappedCode[];
  /** Header names dropped as personal data (CPR, navn, adresse, …). */
  droppedColumns: string[];
}

/** A measure as the reader needs it: its id, title, legal basis text and the unit of its frame's scope. */
export interface MeasureRef {
  id: string;
  titel: string;
  lovhjemmel: string;
  omfangEnhed?: ScopeUnit;
}

/** What readExport is given besides the file. */
export interface ReadExportOptions {
  cwd: string;
  config: OpfoelgningConfig;
  measures: MeasureRef[];
  register: Lovregister;
}

export type { OpfoelgningConfig };
