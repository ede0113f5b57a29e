import type { ScopeUnit } from './model.js';

// A local copy of the `ramme` block's shape (plus the measure's `alder`) until the generated `Ramme` type is merged in.

/** What the follow-up compares allocations with: a measure's age range and its `ramme`. */
export interface Frame {
  alder?: { fra: number; til: number };
  omfang?: { enhed: ScopeUnit; fra: number; til: number };
  varighed?: { fra?: number; til?: number; maks?: number };
  opfoelgning?: { foerste?: number; derefter?: number };
  enhedspris?: { beloeb: number; enhed: 'time' | 'døgn' | 'måned' | 'session' | 'forløb' };
}

/** A measure as the statistics know it: its title and frame, keyed by measure id. */
export interface MeasureFrame {
  titel: string;
  frame: Frame;
}

/** The duration limit in months: `varighed.maks` when given, else `varighed.til`. */
export function durationLimitOf(frame: Frame): number | undefined {
  return frame.varighed?.maks ?? frame.varighed?.til;
}

/** The follow-up interval in months: `opfoelgning.derefter`, else `opfoelgning.foerste`. */
export function followUpIntervalOf(frame: Frame): number | undefined {
  return frame.opfoelgning?.derefter ?? frame.opfoelgning?.foerste;
}
