import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  LAW_INDEX_FOLDER,
  LAW_SOURCES_FILE,
  LAW_TEXT_FOLDER,
  type LawIndexEntry,
  type LawText,
  type LawTextInfo,
  type LawTextParagraph,
} from '../law/law-text-model.js';
import { normalizeLawText, parseParagraph, splitHeading } from '../law/parse-law-text.js';
import { packageRoot } from '../package-root.js';

/** One act in lovtekster/kilder.json: which retsinformation file, which law of the register, and from when it applies. */
interface LawSource {
  fil: string;
  lov: string;
  akt: string;
  gaelder_fra: string;
  gaelder_til?: string;
  note?: string;
}

/** retsinformation's JSON (the parts we read). Provisions without a chapter belong to amending acts printed after the law. */
interface RetsinformationFile {
  title: string;
  url: string;
  provisions: { chapter?: string; section: string; content: string }[];
}

/** Renders lovtekster/index/: one compact file per act and index.json listing them; deterministic. */
export async function renderLawIndex(): Promise<Map<string, string>> {
  const root = join(packageRoot(), LAW_TEXT_FOLDER);
  const { tekster } = JSON.parse(await readFile(join(root, LAW_SOURCES_FILE), 'utf8')) as { tekster: LawSource[] };
  const files = new Map<string, string>();
  const entries: LawIndexEntry[] = [];
  for (const source of tekster) {
    const raw = JSON.parse(await readFile(join(root, 'kilder', source.fil), 'utf8')) as RetsinformationFile;
    const id = source.fil.replace(/\.json$/, '');
    const eli = raw.url.replace(/\/xml$/, '');
    const text: LawText = {
      id,
      lov: source.lov,
      akt: source.akt,
      titel: raw.title,
      gaelder_fra: source.gaelder_fra,
      ...(source.gaelder_til ? { gaelder_til: source.gaelder_til } : {}),
      eli,
      kilde: `${LAW_TEXT_FOLDER}/kilder/${source.fil}`,
      paragraffer: raw.provisions.filter((provision) => provision.chapter !== undefined).flatMap(paragraphsOf),
    };
    const file = `${LAW_INDEX_FOLDER}/${id}.json`;
    files.set(join(LAW_TEXT_FOLDER, file), `${JSON.stringify(text)}\n`);
    entries.push({ ...infoOf(text), fil: file });
  }
  files.set(join(LAW_TEXT_FOLDER, LAW_INDEX_FOLDER, 'index.json'), `${JSON.stringify(entries, null, 2)}\n`);
  return files;
}

function infoOf({ id, lov, akt, titel, gaelder_fra, gaelder_til, eli, kilde }: LawText): LawTextInfo {
  return { id, lov, akt, titel, gaelder_fra, ...(gaelder_til ? { gaelder_til } : {}), eli, kilde };
}

/** A provision's paragraphs: one, or for a repealed range (»§§ 7-8. (Ophævet)«) each paragraph in it. */
function paragraphsOf(provision: { chapter?: string; section: string; content: string }): LawTextParagraph[] {
  const heading = splitHeading(provision.content);
  if (!heading) return [];
  const kapitel = provision.chapter ?? '';
  if (/^\(Ophævet\)\.?$/.test(normalizeLawText(heading.body))) {
    return rangeOf(provision.section).map((paragraf) => ({ paragraf, kapitel, ophaevet: true }));
  }
  const parsed = parseParagraph(provision.content);
  return parsed ? [{ paragraf: parsed.paragraf, kapitel, stk: parsed.stk }] : [];
}

/** »7-8« → 7, 8; »195a-195b« → 195 a, 195 b; »12« → 12. */
function rangeOf(section: string): string[] {
  const spaced = (key: string): string => key.replace(/(\d)([a-z])$/, '$1 $2');
  const [from, to] = section.split('-');
  if (!to || !from) return [spaced(section)];
  const numbers = /^(\d+)$/.exec(from) && /^(\d+)$/.exec(to);
  if (numbers) {
    const result: string[] = [];
    for (let n = Number(from); n <= Number(to) && result.length < 100; n++) result.push(String(n));
    return result;
  }
  const letters = /^(\d+)([a-z])$/.exec(from);
  const last = /^(\d+)([a-z])$/.exec(to);
  if (letters && last && letters[1] === last[1]) {
    const result: string[] = [];
    for (let code = letters[2]!.charCodeAt(0); code <= last[2]!.charCodeAt(0); code++) result.push(`${letters[1]} ${String.fromCharCode(code)}`);
    return result;
  }
  return [spaced(from), spaced(to)];
}
