import { bullet, docxOf, heading, runs, plain, bold, templateMeasure, text, title } from './docx-fixtures.js';

/** Where the checked-in example lives, for »npx serviceniveau import tests/fixtures/import/skabelon-eksempel.docx --omraade test --dry-run«. */
export const SKABELON_EKSEMPEL = 'tests/fixtures/import/skabelon-eksempel.docx';

/** A small service level written in the ministry's template, as a kommune fills it in (with an old Serviceloven citation left in). */
export function skabelonEksempel(): Promise<Buffer> {
  return docxOf([
    title('Serviceniveau for børn og unge med særlige behov'),
    heading(1, 'Forord'),
    text('Serviceniveau – et vigtigt redskab på børne- og ungeområdet'),
    text('Jeg er glad for at kunne præsentere Kystby Kommunes serviceniveau for indsatsen over for børn og unge med særlige behov.'),
    text('Serviceniveauet giver enkel og klar information om, hvad familierne kan forvente, og hvordan vi prioriterer.'),
    text('Med venlig hilsen'),
    text('Karen Lund, borgmester'),
    heading(1, 'Principper for indsatsen over for børn og unge med særlige behov'),
    text('Serviceniveauet udmønter Kystby Kommunes sammenhængende børnepolitik. Disse principper styrer indsatsen:'),
    bullet('Tidlig indsats: vi hjælper, før problemerne vokser.'),
    bullet('Mindst indgribende hjælp: vi vælger den hjælp, der griber mindst ind i familiens liv.'),
    heading(1, 'Målgruppe'),
    text(
      'Målgruppen er børn og unge i alderen 0-18 år og deres familier. Når visse betingelser er opfyldt, kan hjælpen strække sig frem til, den unge fylder 23 år.',
    ),
    heading(1, 'Serviceniveau'),
    ...templateMeasure('Familiebehandling', {
      formaal: [text('Formålet er at styrke familiens evne til at løse problemerne selv, så barnet kan trives i hjemmet.')],
      indhold: [
        text('Familiebehandleren arbejder med hele familien:'),
        bullet('samtaler med forældrene'),
        bullet('samtaler med barnet'),
        bullet('familiesamtaler'),
      ],
      maalgruppe: [text('Familier med børn og unge fra 0 til 17 år, hvor der er konflikter eller svær belastning i familien.')],
      omfang: [text('Typisk 1-2 samtaler om ugen i 3-6 måneder.')],
      tildeling: [text('Sagsbehandleren i Familieafdelingen træffer afgørelsen efter en børnefaglig undersøgelse.')],
      levering: [text('Familiehuset i Kystby Kommune.')],
      kvalitetskrav: [text('Familiebehandleren sender en status hver 3. måned.')],
      lovhjemmel: [text('Serviceloven § 52, stk. 3, nr. 3')],
    }),
    ...templateMeasure('Aflastning', {
      formaal: [text('Forældrene får et pusterum, så de kan blive ved med at have barnet boende hjemme.')],
      indhold: [runs(plain('Barnet er i en '), bold('aflastningsfamilie'), plain(' eller på en aflastningsinstitution.'))],
      omfang: [text('Som udgangspunkt én weekend om måneden.')],
      lovhjemmel: [text('Barnets Lov § 32, stk. 1, nr. 5')],
    }),
    ...templateMeasure('Fast kontaktperson', {
      formaal: [text('Den unge får en fast voksen at støtte sig til.')],
      maalgruppe: [text('Unge fra 12 år. Der foretages altid en konkret og individuel vurdering af barnets eller den unges behov.')],
    }),
  ]);
}
