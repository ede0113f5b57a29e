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

export interface RowProblem {
  row: number;
  column?: string;
  message: string;
} // message never holds a cell value
export interface UnmappedCode {
  code: string;
  rows: number;
} // the measure code as exported

export interface ReadExport {
  file: string;
  totalRows: number; // data rows, after empty and total rows are skipped
  skippedRows: number; // empty rows and Excel total rows (»I alt«, »Total«, »Sum«)
  allocations: Allocation[];
  problems: RowProblem[];
  unmapped: UnmappedCode[];
  droppedColumns: string[]; // header names dropped as personal data (CPR, navn, adresse, …)
}

/** The units a frame's scope is given in (ramme.omfang.enhed). */
export type ScopeUnit = 'timer om ugen' | 'timer om måneden' | 'døgn om måneden' | 'sessioner om ugen' | 'samtaler i alt';
