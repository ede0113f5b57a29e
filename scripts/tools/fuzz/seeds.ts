import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';

// The valid documents the fuzzer's edits start from, and where they live in its policy tree.

export const AREA = 'policies/boern-og-unge';
export const MEASURE_FILE = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette`;
export const FRAME_FILE = `${AREA}/serviceniveau.md`;
export const REGISTER_FILE = 'policies/lovregister.json';

/** The frontmatter both measure seeds share. */
const SEED_FRONTMATTER = `---
id: praktisk-paedagogisk-stoette
titel: Praktisk pædagogisk støtte i hjemmet
kategori: Støttende indsatser
alder:
  fra: 0
  til: 17
---
`;

/** A valid measure in Markdown that every rule reads: the seed that edits start from. */
export const MEASURE_MARKDOWN = `${SEED_FRONTMATTER}
## Formål

Formålet er at styrke forældrenes omsorg for barnet i hverdagen, så barnet kan blive boende hjemme.

## Indhold

En familiekonsulent kommer i hjemmet og hjælper med faste rutiner, måltider og sengetider. Se [vejledningen](https://www.sm.dk/vejledning).

## Målgruppe og tildelingskriterier

Familier med børn 0-17 år, hvor forældrene har brug for støtte til den daglige omsorg. Der foretages altid en konkret og individuel vurdering af barnets behov.

## Omfang og varighed

<!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen -->
Som udgangspunkt 3-5 timer om ugen i op til 6 måneder. Der gives højst 10 timer om ugen.

## Tildeling

Sagsbehandleren i Familieafdelingen træffer afgørelse efter en børnefaglig undersøgelse, tlf. 70 10 20 30.

## Levering af ydelsen

Ydelsen leveres af kommunens familiehus eller af en godkendt privat leverandør.

## Kvalitetskrav til leverandør

Leverandøren sender en statusrapport hver 3. måned til familie@eksempel-kommune.dk.

## Lovhjemmel

Barnets Lov § 32, stk. 1, nr. 2, og §§ 46-47 i barnets lov.
`;

/** The same measure as JSON. */
export const MEASURE_JSON = `${JSON.stringify(
  {
    $schema: '../../../schemas/foranstaltning.schema.json',
    id: 'praktisk-paedagogisk-stoette',
    titel: 'Praktisk pædagogisk støtte i hjemmet',
    kategori: 'Støttende indsatser',
    alder: { fra: 0, til: 17 },
    formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen.',
    indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner.',
    maalgruppe: 'Familier med børn 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets behov.',
    omfang: 'Som udgangspunkt 3-5 timer om ugen i op til 6 måneder.',
    tildeling: 'Sagsbehandleren træffer afgørelse efter en børnefaglig undersøgelse.',
    levering: 'Kommunens familiehus leverer ydelsen.',
    kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned.',
    lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
  },
  null,
  2,
)}\n`;

/**
 * A measure with a finding from every rule that reads prose, a suppression and a citation in force: the seed the
 * invisible-character property inserts into, so that a finding the characters could hide is there to be hidden.
 */
export const MEASURE_WITH_FINDINGS_MARKDOWN = `${SEED_FRONTMATTER}
## Formål

Formålet er at styrke forældrenes omsorg for barnet i hverdagen, så barnet kan blive boende hjemme i XX Kommune.

## Indhold

En familiekonsulent kommer i hjemmet og hjælper med faste rutiner. Eksempel: Mikkel, cpr.nr. 010190-1234, fik hjælp i 2024.

## Målgruppe og tildelingskriterier

Familier med børn 0-17 år, hvor forældrene har brug for støtte til den daglige omsorg.

## Omfang og varighed

<!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen -->
Som udgangspunkt 3-5 timer om ugen. Der gives højst 6 måneder ad gangen.
Der gives højst 10 timer om ugen, og støtte i weekenden gives ikke.

## Tildeling

Sagsbehandleren Anna træffer afgørelse, tlf. 22 33 44 55 eller anna.jensen@gmail.com.

## Levering af ydelsen

Ydelsen leveres af kommunens familiehus. [tilpasses lokalt]

## Kvalitetskrav til leverandør

Leverandøren sender en statusrapport hver 3. måned til familie@eksempel-kommune.dk.

## Lovhjemmel

Barnets Lov § 32, stk. 1, nr. 2, og Barnets Lov § 32, stk. 1, nr. 99.
`;

/** The same measure with findings as JSON. */
export const MEASURE_WITH_FINDINGS_JSON = `${JSON.stringify(
  {
    id: 'praktisk-paedagogisk-stoette',
    titel: 'Praktisk pædagogisk støtte i hjemmet',
    formaal: 'Formålet er at styrke forældrenes omsorg i XX Kommune.',
    indhold: 'En familiekonsulent kommer i hjemmet. Eksempel: Mikkel, cpr.nr. 010190-1234.',
    maalgruppe: 'Familier med børn 0-17 år, hvor forældrene har brug for støtte.',
    omfang: 'Der gives højst 10 timer om ugen, og støtte i weekenden gives ikke.',
    tildeling: 'Sagsbehandleren Anna træffer afgørelse, tlf. 22 33 44 55 eller anna.jensen@gmail.com.',
    levering: 'Kommunens familiehus leverer ydelsen. [tilpasses lokalt]',
    kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned.',
    lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2, og Barnets Lov § 32, stk. 1, nr. 99.',
  },
  null,
  2,
)}\n`;

/** The frame of the area, in force from 1 March 2025: the date lovhjemmel judges citations on. */
export const FRAME_MARKDOWN = `---
kommune: Eksempel Kommune
omraade: Børn og unge med særlige behov
status: udkast
version: "2025.1"
gyldig_fra: 2025-03-01
underskriver:
  navn: Lene Holm
  titel: Borgmester
---

## Forord

Jeg er glad for at kunne præsentere vores serviceniveau.

## Principper

- Tidlig indsats.
- Sammenhæng på tværs.

## Målgruppe

Børn og unge 0-18 år og deres familier. Der foretages altid en konkret og individuel vurdering af barnets behov.
`;

let registerBytes: Uint8Array | undefined;

/** The real register's bytes, read once. */
export function register(): Uint8Array {
  registerBytes ??= readFileSync(join(packageRoot(), REGISTER_FILE));
  return registerBytes;
}
