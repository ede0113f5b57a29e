import { parseCitations, type Citation } from '../law/parse-citations.js';
import { lawNamesOf, overlaps } from '../law/register.js';
import type { Lovregister } from '../model/generated-types.js';
import type { MeasureRef, OpfoelgningConfig } from './model.js';

/** What a row's measure cells gave: a measure id, a problem, or a code that maps to nothing. */
export type Mapped = { id: string } | { problem: string } | { unmapped: true };

type Cited = Pick<Citation, 'law' | 'paragraf' | 'stk' | 'nr'>;

/** The law a paragraph without one is read under. */
const DEFAULT_LAW = 'barnets lov';

/**
 * Maps the measure cells of a row to a measure: by id (the `indsats` column), by the config's `koder`, or by the cited
 * paragraph (the `paragraf` column) to the one measure whose `lovhjemmel` cites it. Pure; each distinct paragraph
 * text is read once.
 */
export function createMeasureMapper(measures: readonly MeasureRef[], config: OpfoelgningConfig, register: Lovregister) {
  const byId = new Map(measures.map((measure) => [measure.id.toLowerCase(), measure.id]));
  const codes = new Map(Object.entries(config.koder ?? {}).map(([code, id]) => [code.trim().toLowerCase(), id]));
  const laws = lawNamesOf(register);
  const defaultLaw = register.love.find((law) => [law.navn, ...law.aliaser].some((name) => name.toLowerCase() === DEFAULT_LAW))?.id ?? register.love[0]?.id;
  const read = (text: string): Cited[] =>
    parseCitations(text.replace(/\u00AD/gu, '').replace(/[\u00A0\u202F]/gu, ' '), laws).citations.map((citation) => ({
      ...citation,
      law: citation.law ?? defaultLaw,
    }));
  let cited: { id: string; citations: Cited[] }[] | undefined;
  const byParagraph = new Map<string, Mapped>();

  const mapParagraph = (text: string): Mapped => {
    const known = byParagraph.get(text);
    if (known) return known;
    cited ??= measures.map((measure) => ({ id: measure.id, citations: read(measure.lovhjemmel) }));
    const written = /^\s*\d/u.test(text) ? `§ ${text}` : text;
    const citations = read(written);
    let result: Mapped;
    if (citations.length === 0) result = { unmapped: true };
    else {
      const candidates = cited.filter((measure) => measure.citations.some((own) => citations.some((row) => overlaps(own, row))));
      if (candidates.length === 1) result = { id: candidates[0]!.id };
      else if (candidates.length === 0) result = { unmapped: true };
      else
        result = {
          problem: `flere indsatser har denne hjemmel (${candidates.map((candidate) => `»${candidate.id}«`).join(', ')}); angiv indsatsen med en ydelseskode i »opfoelgning.koder«`,
        };
    }
    byParagraph.set(text, result);
    return result;
  };

  return ({ indsats, kode, paragraf }: { indsats?: string; kode?: string; paragraf?: string }): Mapped => {
    if (indsats) {
      const id = byId.get(indsats.toLowerCase());
      if (id) return { id };
    }
    if (kode) {
      const target = codes.get(kode.toLowerCase()) ?? (byId.has(kode.toLowerCase()) ? kode : undefined);
      if (target !== undefined) {
        const id = byId.get(target.toLowerCase());
        return id ? { id } : { problem: `koden er i »opfoelgning.koder« oversat til »${target}«, som ikke er en foranstaltning i serviceniveauet` };
      }
    }
    if (paragraf) return mapParagraph(paragraf);
    return { unmapped: true };
  };
}
