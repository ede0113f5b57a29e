import { createRequire } from 'node:module';
import type * as Scslre from 'scslre';

// Loaded on first use only: most configs have no patterns of their own, and check's start-up stays lean.
const require = createRequire(import.meta.url);
let analyse: typeof Scslre.analyse | undefined;

/**
 * Why a compiled pattern from the config could make a check hang, or undefined if it cannot: scslre (the
 * analysis behind eslint-plugin-regexp's no-super-linear-backtracking) finds quantifiers that backtrack
 * against each other (»\s*\s*«) or themselves (»(a+)+«). A rule runs the pattern on every sentence, and one
 * pasted paragraph can be a sentence of 200 KB. Scanning on from every start (»Move«) is left out: it is at
 * most quadratic in one sentence and common in harmless patterns such as »\s+$«. Known miss: overlapping
 * alternatives (»(?:a|a)+b«).
 */
export function backtrackingProblem(pattern: RegExp): string | undefined {
  analyse ??= (require('scslre') as typeof Scslre).analyse;
  let report;
  try {
    report = analyse({ source: pattern.source, flags: pattern.flags }, { maxReports: 1, reportTypes: { Move: false } }).reports[0];
  } catch {
    return undefined; // a construct the analysis does not model: V8 compiled it, so let it run
  }
  if (!report || report.type === 'Move') return undefined;
  const where =
    report.type === 'Trade'
      ? `»${report.startQuant.raw}« og »${report.endQuant.raw}« kan matche den samme tekst`
      : `»${report.quant.raw}« gentages inde i »${report.parentQuant.raw}«`;
  return `${where}, så udtrykket kan bruge ${report.exponential ? 'eksponentielt' : 'polynomielt'} lang tid på en lang sætning og få kontrollen til at hænge`;
}
