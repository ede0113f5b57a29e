import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, REPO_ROOT } from '../helpers.js';
import { TEMPLATE_EXPECTED } from './fixtures/expected.js';
import { artefactsIn, frameDifferences, measureDifferences } from './import-checks.js';
import { normaliseMarkdown, readExampleMeasure, readMarkdownFile, readRolePlan } from './import-helpers.js';

// The acceptance tests' own comparisons, checked on files written here by hand the way an importer built on
// remark-stringify could write them (`*` bullets, `_italic_`, wrapped lines, footnotes at the end of the file):
// an import that is right passes, and each kind of mistake is named.

const FAMILIEBEHANDLING = `---
id: familiebehandling
titel: Familiebehandling
---

## Formål

Formålet er at løse konflikter i familien, som går ud over barnets trivsel,
så barnet kan blive boende hjemme.

## Indhold

Familiebehandleren arbejder med hele familien eller med forældrene alene. Forløbet kan bestå af:

* samtaler i familiens hjem
* videobaseret vejledning i samspillet mellem forældre og barn
* forældregrupper i Familiehuset

## Målgruppe og tildelingskriterier

Familier med børn fra 0 til 18 år, hvor samspillet i familien belaster barnet. Der foretages altid en konkret og individuel vurdering af barnets behov.

## Omfang og varighed

Som udgangspunkt én session om ugen i 6 måneder.[^fodnote-1] Forløbet kan forlænges efter en ny vurdering.

## Tildeling

Sagsbehandleren i Familierådgivningen træffer afgørelse på baggrund af en børnefaglig undersøgelse.

## Levering af ydelsen

Familiebehandlerne i Solbjerg Familiehus leverer behandlingen.

## Kvalitetskrav til leverandør

Leverandøren sender en skriftlig status til sagsbehandleren _hver 3. måned_.

## Lovhjemmel

Serviceloven § 52, stk. 3, nr. 3

[^fodnote-1]: Jf. Solbjerg Kommunes retningslinjer for opfølgning
    fra 2025.
`;

const STOETTEOPHOLD = `---
id: stoetteophold-aflastning
titel: Støtteophold (aflastning)
---

## Formål

Formålet er at give barnet en god oplevelse uden for hjemmet og familien et pusterum.

## Indhold

Barnet bor en weekend om måneden hos en aflastningsfamilie.

Aflastningsfamilien følger barnets faste rutiner.

## Målgruppe og tildelingskriterier

Børn fra 6 til 17 år, hvis familie har brug for at blive aflastet. Der foretages altid en konkret og individuel vurdering af barnets behov.

## Omfang og varighed

Som udgangspunkt 2-4 døgn om måneden.

## Tildeling

Sagsbehandleren i Familierådgivningen træffer afgørelse.

## Levering af ydelsen

Godkendte aflastningsfamilier i kommunen leverer opholdet.

## Kvalitetskrav til leverandør

[Her beskrives, hvordan og hvor ofte der skal følges op på foranstaltningen.]

## Lovhjemmel

Barnets Lov § 32, stk. 1, nr. 7

## Ikke placeret tekst fra importen

Pris: Støtteopholdet er gratis for familien.
`;

const FRAME = `---
kommune: Solbjerg Kommune
omraade: "[Områdets navn]"
status: udkast
---

## Forord

Jeg er glad for at kunne præsentere Solbjerg Kommunes serviceniveau for børn og unge med særlige behov. Byrådet har vedtaget det i januar 2026.

Serviceniveauet fortæller familierne, hvad de kan forvente af os, og giver medarbejderne et fælles udgangspunkt. Der foretages altid en konkret og individuel vurdering af barnets behov.

Med venlig hilsen

Karen Mølgaard\nBorgmester

## Principper

Disse principper styrer vores arbejde med børn, unge og familier:

- __Tidlig indsats.__ Vi hjælper, før små problemer vokser sig store.
- **Familien først.** Børn skal så vidt muligt vokse op i deres egen familie.
- **Mindst indgribende hjælp.** Vi vælger den hjælp, der griber mindst ind i familiens liv.

## Målgruppe

Serviceniveauet gælder børn og unge fra 0 til 18 år og deres familier. Når visse betingelser er opfyldt, kan hjælpen fortsætte, til den unge fylder 23 år.
`;

const MEASURES = TEMPLATE_EXPECTED.foranstaltninger.filter(({ id }) => id === 'familiebehandling' || id === 'stoetteophold-aflastning');

/** A policies/<omraade> folder with the hand-written import, some files replaced. */
function area(files: Record<string, string> = {}): string {
  return makeTree({
    'serviceniveau.md': FRAME,
    'foranstaltninger/familiebehandling.md': FAMILIEBEHANDLING,
    'foranstaltninger/stoetteophold-aflastning.md': STOETTEOPHOLD,
    ...files,
  });
}

describe('the acceptance tests’ comparisons', () => {
  it('an import written as expected passes, whatever list markers, emphasis markers, line wrapping and footnote labels it uses', () => {
    const folder = area();
    expect(measureDifferences(folder, MEASURES)).toEqual([]);
    expect(frameDifferences(folder, TEMPLATE_EXPECTED)).toEqual([]);
    expect(artefactsIn(folder)).toEqual([]);
  });

  it('a soft hyphen left in a word is named as an artefact and as a field that differs', () => {
    const folder = area({ 'foranstaltninger/familiebehandling.md': FAMILIEBEHANDLING.replace('Familiebehandleren', 'Familie\u00ADbehandleren') });
    expect(artefactsIn(folder)).toEqual(['foranstaltninger/familiebehandling.md: soft hyphen U+00AD']);
    expect(measureDifferences(folder, MEASURES)).toEqual([expect.stringMatching(/^familiebehandling: Indhold is »Familie\u00ADbehandleren/)]);
  });

  it('the template’s guidance kept under a label is named, and so is a field that took it', () => {
    const folder = area({
      'foranstaltninger/familiebehandling.md': FAMILIEBEHANDLING.replace(
        '## Formål\n\n',
        '## Formål\n\nHer beskrives, hvorfor en foranstaltning gives til et barn eller en ung.\n\n',
      ),
    });
    expect(artefactsIn(folder)).toEqual([
      'foranstaltninger/familiebehandling.md: the template’s guidance',
      'foranstaltninger/familiebehandling.md: »Her beskrives« outside a placeholder',
    ]);
    expect(measureDifferences(folder, MEASURES)).toHaveLength(1);
  });

  it('a manual line break kept as a Markdown hard break is named', () => {
    const folder = area({ 'foranstaltninger/familiebehandling.md': FAMILIEBEHANDLING.replace('trivsel,\n', 'trivsel,\\\n') });
    expect(artefactsIn(folder)).toEqual(['foranstaltninger/familiebehandling.md: Markdown hard break (a manual line break kept)']);
  });

  it('a missing unplaced section, a lost footnote and a wrong title are each named', () => {
    const folder = area({
      'foranstaltninger/familiebehandling.md': FAMILIEBEHANDLING.replace('titel: Familiebehandling', 'titel: familiebehandling').replace(
        /\n\[\^fodnote-1\]:[^]*$/,
        '\n',
      ),
      'foranstaltninger/stoetteophold-aflastning.md': STOETTEOPHOLD.replace(/\n## Ikke placeret tekst fra importen[^]*$/, '\n'),
    });
    expect(measureDifferences(folder, MEASURES)).toEqual([
      'familiebehandling: titel is "familiebehandling", not »Familiebehandling«',
      'familiebehandling: footnotes are [], not ["Jf. Solbjerg Kommunes retningslinjer for opfølgning fra 2025."]',
      expect.stringMatching(/^stoetteophold-aflastning: headings are .*, not .*Ikke placeret tekst fra importen/),
      'stoetteophold-aflastning: »Støtteopholdet er gratis for familien.« is not in ## Ikke placeret tekst fra importen',
    ]);
  });

  it('a frame with another status or kommune is named', () => {
    const folder = area({
      'serviceniveau.md': FRAME.replace('status: udkast', 'status: vedtaget').replace('kommune: Solbjerg Kommune', 'kommune: Solbjerg Kommunes'),
    });
    expect(frameDifferences(folder, TEMPLATE_EXPECTED)).toEqual([
      'status is "vedtaget", not »udkast«',
      'kommune is "Solbjerg Kommunes", not »Solbjerg Kommune«',
    ]);
  });

  it('Markdown is compared by meaning of its spelling, not by bytes, and no more loosely than that', () => {
    expect(normaliseMarkdown('* en\n+ to\n3) tre')).toBe(normaliseMarkdown('- en\n- to\n1. tre'));
    expect(normaliseMarkdown('_kursiv_ og __fed__')).toBe('*kursiv* og **fed**');
    expect(normaliseMarkdown('tekst[^a] mere[^fodnote-2]')).toBe('tekst[^] mere[^]');
    expect(normaliseMarkdown('ét\u00A0ord')).toBe('ét ord');
    expect(normaliseMarkdown('*kursiv*')).not.toBe(normaliseMarkdown('**kursiv**'));
    expect(normaliseMarkdown('Familie\u00ADbehandling')).not.toBe('Familiebehandling');
  });

  it('reads the example kommune’s files: Markdown and JSON measures by field, and the role plan by role and phase', () => {
    const folder = join(REPO_ROOT, 'policies/boern-og-unge');
    const markdown = readExampleMeasure(join(folder, 'foranstaltninger/familiebehandling.md'));
    expect(markdown.titel).toBe('Familiebehandling og behandling af barnet eller den unge');
    expect(normaliseMarkdown(markdown.felter.lovhjemmel)).toBe('Indsatsen gives efter: - Barnets Lov § 32, stk. 1, nr. 5');
    const json = readExampleMeasure(join(folder, 'foranstaltninger/netvaerksplejefamilie.json'));
    expect(json.titel).toBe('Anbringelse i netværksplejefamilie');
    expect(Object.values(json.felter).every((text) => text.trim() !== '')).toBe(true);
    const plan = readRolePlan(join(folder, 'rolleplan.md'));
    expect(Object.keys(plan)).toEqual(['Politiker', 'Direktion', 'Fagledelse', 'Teamledelse', 'Sagsbehandlere']);
    for (const phases of Object.values(plan)) expect(Object.keys(phases)).toEqual(['Udvikling', 'Implementering og forankring', 'Opfølgning']);
    const frame = readMarkdownFile(join(folder, 'serviceniveau.md'));
    expect(frame.headings).toEqual(['Forord', 'Principper', 'Målgruppe']);
  });
});
