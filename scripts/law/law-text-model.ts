import type { ParsedStk } from './parse-law-text.js';

/** Where the law texts live in the package: sources in kilder/, the generated index in index/. */
export const LAW_TEXT_FOLDER = 'lovtekster';
export const LAW_SOURCES_FILE = 'kilder.json';
export const LAW_INDEX_FOLDER = 'index';

/** One paragraph of an act: its stk. (stk[0] is stk. 1) with their numbered items, or repealed. */
export interface LawTextParagraph {
  paragraf: string;
  kapitel: string;
  stk?: ParsedStk[];
  ophaevet?: true;
}

/** What index.json says of one act, without its paragraphs. */
export interface LawTextInfo {
  /** The source file's stem, e.g. »2025_282«. */
  id: string;
  /** The register's law id, e.g. »BL«. */
  lov: string;
  /** »LBK nr 282 af 17/03/2025«. */
  akt: string;
  titel: string;
  /** The first day this text is the law (ISO date). */
  gaelder_fra: string;
  /** The last day, when a later text does not simply take over (ISO date). */
  gaelder_til?: string;
  /** retsinformation's ELI address of the act. */
  eli: string;
  /** The retsinformation file the index was made from. */
  kilde: string;
}

export interface LawText extends LawTextInfo {
  paragraffer: LawTextParagraph[];
}

export interface LawIndexEntry extends LawTextInfo {
  /** The act's file, relative to lovtekster/. */
  fil: string;
}
