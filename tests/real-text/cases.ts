/**
 * Measures modelled on real municipal service-level pages, paraphrased in our own words: each keeps the
 * constructions its page uses (how it states the individual assessment, cites the law, sets limits), not its
 * wording. `expected` was written by hand from reading the text, before running the tool: the findings a
 * careful reviewer would want, by rule. laesbarhed is left out: LIX is a number, not a judgement a reader makes.
 * individuel-vurdering is judged per measure (does it state the assessment or not): a statement that does not
 * count is reported at its sentence and as a missing statement, which a reviewer reads as one judgement.
 */
export interface RealTextCase {
  /** The kommune and page the measure imitates. */
  source: string;
  name: string;
  sections: Partial<Record<'formaal' | 'indhold' | 'maalgruppe' | 'omfang' | 'tildeling' | 'levering' | 'kvalitetskrav' | 'lovhjemmel', string>>;
  /** The findings a reviewer expects, one rule id per finding. */
  expected: JudgedRule[];
}

/** The rules the suite judges. */
export const JUDGED_RULES = ['individuel-vurdering', 'lovhjemmel', 'pladsholder', 'personoplysninger', 'skoen-under-regel'] as const;
export type JudgedRule = (typeof JUDGED_RULES)[number];

const STATEMENT = 'Der foretages altid en konkret og individuel vurdering af barnets behov.';

export const REAL_TEXT_CASES: readonly RealTextCase[] = [
  {
    // Nyborg Kommune, kvalitetsstandard for aflastning og afløsning (nyborg.dk, »Faglig uddybning af § 44«)
    source: 'Nyborg Kommune: kvalitetsstandard aflastning, faglig uddybning',
    name: 'aflastning citing Serviceloven § 44, criteria as a list, age-graded days »som udgangspunkt«',
    sections: {
      maalgruppe:
        'Aflastning bevilges ud fra en konkret, individuel vurdering, når:\n\n- forældrene løfter opgaver ud over almindelig omsorg\n- forældrene skal samle kræfter\n- aflastningen kan hjælpe barnet til at blive hjemme',
      omfang: 'Som udgangspunkt bevilges op til 6 døgn om måneden for de 3-5-årige og op til 12 døgn for børn over 13 år.',
      lovhjemmel: '§ 44 i lov om social service.',
    },
    expected: ['lovhjemmel'],
  },
  {
    // Nyborg Kommune, oversigt over kvalitetsstandarder for børn og unge (nyborg.dk, »Børn og unge«)
    source: 'Nyborg Kommune: kvalitetsstandarder børn og unge, oversigt',
    name: 'fast kontaktperson still citing the repealed § 52, stk. 3, nr. 6',
    sections: {
      maalgruppe: `Børn og unge, der har brug for en fast voksen uden for familien. ${STATEMENT}`,
      lovhjemmel: 'Servicelovens § 52, stk. 3, nr. 6.',
    },
    expected: ['lovhjemmel'],
  },
  {
    // Holbæk Kommune, serviceniveauer på børne- og ungeområdet 2017 (docplayer.dk, »SERVICENIVEAUER PÅ BØRNE- OG UNGEOMRÅDET«)
    source: 'Holbæk Kommune: serviceniveauer på børne- og ungeområdet, 2017',
    name: 'familiebehandling in SEL shorthand, statement with »på baggrund af«',
    sections: {
      maalgruppe: 'Familier med børn, hvor samspillet er belastet. Afgørelsen træffes på baggrund af en konkret og individuel vurdering af barnets behov.',
      lovhjemmel: 'SEL § 52, stk. 3, nr. 3.',
    },
    expected: ['lovhjemmel'],
  },
  {
    source: 'Holbæk Kommune: serviceniveauer på børne- og ungeområdet, 2017',
    name: 'ledsagelse with a hard cap and a categorical exclusion',
    sections: {
      maalgruppe: `Unge mellem 12 og 18 år med betydelig nedsat funktionsevne. ${STATEMENT} Unge, der bor på et botilbud, er ikke omfattet.`,
      omfang: 'Der bevilges højst 5 timer om måneden.',
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
    },
    expected: ['skoen-under-regel', 'skoen-under-regel'],
  },
  {
    // Høje-Taastrup Kommune, serviceniveau for merudgifter efter servicelovens § 41 (as listed on docplayer.dk)
    source: 'Høje-Taastrup Kommune: serviceniveau for merudgifter',
    name: 'merudgifter still citing Serviceloven § 41, statement as »skøn«',
    sections: {
      maalgruppe: 'Forældre til børn med betydelig og varigt nedsat funktionsevne. Afgørelsen beror altid på et konkret og individuelt skøn af barnets behov.',
      omfang: 'Ydelsen udmåles efter de sandsynliggjorte merudgifter for det enkelte barn.',
      lovhjemmel: 'Servicelovens § 41.',
    },
    expected: ['lovhjemmel'],
  },
  {
    // Hjørring Kommune, serviceniveau og takster for merudgifter og tabt arbejdsfortjeneste (hjoerring.dk)
    source: 'Hjørring Kommune: serviceniveau for merudgifter og tabt arbejdsfortjeneste',
    name: 'tabt arbejdsfortjeneste: every decision rests on the assessment, without »altid«',
    sections: {
      maalgruppe: 'Forældre, der passer et barn med nedsat funktionsevne i hjemmet. Alle afgørelser træffes efter en konkret og individuel vurdering.',
      omfang: 'Som udgangspunkt dækkes den tabte indtægt for de timer, pasningen kræver.',
      lovhjemmel: 'Barnets Lov § 87.',
    },
    expected: [],
  },
  {
    source: 'Hjørring Kommune: serviceniveau for merudgifter og tabt arbejdsfortjeneste',
    name: 'a weakened statement »som hovedregel« does not count',
    sections: {
      maalgruppe: 'Forældre til børn med indgribende kronisk lidelse. Som hovedregel foretages en individuel vurdering af barnets behov.',
      lovhjemmel: 'Barnets Lov § 87.',
    },
    expected: ['individuel-vurdering'],
  },
  {
    // Faxe Kommune, kvalitetsstandard for kost- eller efterskoleophold (docplayer.dk, »Faxe Kommunes Kvalitetsstandard for: Kost- eller efterskoleophold«)
    source: 'Faxe Kommune: kvalitetsstandard for kost- eller efterskoleophold',
    name: 'efterskole: »kun hvis« exclusion and a statement in another word order',
    sections: {
      maalgruppe:
        'Unge, der har brug for et skift i miljø. Støtten gives efter en individuel og konkret vurdering af den unges behov. Der gives kun tilskud, hvis forældrene selv betaler en del.',
      lovhjemmel: 'Barnets Lov § 35, stk. 4.',
    },
    expected: ['skoen-under-regel'],
  },
  {
    // Dragør Kommune, standarder for sagsbehandlingen (docplayer.dk, »STANDARDER FOR SAGSBEHANDLINGEN … DRAGØR KOMMUNE«)
    source: 'Dragør Kommune: standarder for sagsbehandlingen',
    name: 'a conditional statement does not count',
    sections: {
      maalgruppe: 'Børn og unge med behov for særlig støtte. Når sagen er kompleks, foretages der altid en konkret og individuel vurdering.',
    },
    expected: ['individuel-vurdering'],
  },
  {
    source: 'Dragør Kommune: standarder for sagsbehandlingen',
    name: 'a negation far from the keywords does not count',
    sections: {
      maalgruppe:
        'Børn og unge med behov for særlig støtte. Man kan ikke forvente, at der i alle sager foretages en konkret og individuel vurdering af barnets behov.',
    },
    expected: ['individuel-vurdering'],
  },
  {
    // Assens Kommune, standard på børne- og ungeområdet (docplayer.dk, »Assens Kommune Standard på børn- og ungeområdet«)
    source: 'Assens Kommune: standard på børne- og ungeområdet',
    name: 'an assessment of the family economy is not the assessment of the child',
    sections: {
      maalgruppe: 'Familier, der søger økonomisk støtte. Der foretages altid en individuel vurdering af familiens økonomi.',
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 8.',
    },
    expected: ['individuel-vurdering'],
  },
  {
    source: 'Assens Kommune: standard på børne- og ungeområdet',
    name: 'a qualifier covers its own clause only',
    sections: {
      maalgruppe: `Familier med et barn med handicap. ${STATEMENT}`,
      omfang: 'Aflastning gives typisk hver anden weekend, men aldrig i skoleferierne.',
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 7.',
    },
    expected: ['skoen-under-regel'],
  },
  {
    // Lejre Kommune, standarder for sårbare børn og unge (lejre.dk, »Hvorfor udarbejde standarder?«)
    source: 'Lejre Kommune: standarder for sårbare børn og unge',
    name: 'a chain of paragraphs with the law named after it',
    sections: {
      maalgruppe: `Børn og unge med betydelig nedsat funktionsevne. ${STATEMENT}`,
      lovhjemmel: '§ 41 og § 42 i serviceloven.',
    },
    expected: ['lovhjemmel', 'lovhjemmel'],
  },
  {
    source: 'Lejre Kommune: standarder for sårbare børn og unge',
    name: 'a reference marker is not a placeholder, the template note is',
    sections: {
      maalgruppe: `Børn i alderen 0-17 år [1]. ${STATEMENT}`,
      indhold: 'Støtten tilrettelægges sammen med familien. [Her beskrives kommunens egne tilbud]',
    },
    expected: ['pladsholder'],
  },
  {
    // Favrskov Kommune, godkendelseskriterier (docplayer.dk): an old document with the citation in dotted shorthand
    source: 'Favrskov Kommune: kriterier, gammelt dokument med forkortede henvisninger',
    name: 'dotted shorthand of a repealed paragraph',
    sections: {
      maalgruppe: `Børn og unge med behov for praktisk støtte i hjemmet. ${STATEMENT}`,
      lovhjemmel: 'SEL § 52.3.2',
    },
    // Two findings, as issue 11 asks: the reading assumed for the shorthand (§ 52, stk. 3, nr. 2), then its repeal.
    expected: ['lovhjemmel', 'lovhjemmel'],
  },
  {
    source: 'Nyborg Kommune: kvalitetsstandard aflastning, faglig uddybning',
    name: 'a CPR number written with a space in an example',
    sections: {
      maalgruppe: `Børn med handicap. ${STATEMENT}`,
      indhold: 'Ansøgningen skal som eksempel indeholde barnets CPR-nummer, fx 150688 4321, og forældrenes underskrift.',
    },
    expected: ['personoplysninger'],
  },
  {
    source: 'Holbæk Kommune: serviceniveauer på børne- og ungeområdet, 2017',
    name: 'a bare cap »op til« without a qualifier',
    sections: {
      maalgruppe: `Familier med behov for praktisk støtte. ${STATEMENT}`,
      omfang: 'Støtten gives op til 10 timer om ugen.',
    },
    expected: ['skoen-under-regel'],
  },
  {
    source: 'Høje-Taastrup Kommune: serviceniveau for merudgifter',
    name: 'the current law, qualified scope, statement in verb form: clean',
    sections: {
      maalgruppe: 'Familier med børn med varigt nedsat funktionsevne. Behovet vurderes altid konkret og individuelt.',
      omfang: 'Som udgangspunkt 3-5 timer om ugen i op til 6 måneder.',
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
    },
    expected: [],
  },
  {
    source: 'Dragør Kommune: standarder for sagsbehandlingen',
    name: 'weakening by »kan der foretages«',
    sections: {
      maalgruppe: 'Børn og unge med behov for særlig støtte. Efter behov kan der foretages en individuel vurdering af barnets situation.',
    },
    expected: ['individuel-vurdering'],
  },
  {
    source: 'Faxe Kommune: kvalitetsstandard for kost- eller efterskoleophold',
    name: 'a list of excluded groups introduced by a colon',
    sections: {
      maalgruppe: `Unge i 8.-10. klasse. ${STATEMENT}\n\nFølgende er ikke omfattet:\n\n- unge, der allerede går på efterskole\n- unge under 14 år`,
      lovhjemmel: 'Barnets Lov § 35, stk. 4.',
    },
    expected: ['skoen-under-regel'],
  },
  {
    source: 'Assens Kommune: standard på børne- og ungeområdet',
    name: 'a whole-paragraph citation of the repealed § 52',
    sections: {
      maalgruppe: `Familier med børn med behov for særlig støtte. ${STATEMENT}`,
      lovhjemmel: 'Serviceloven § 52.',
    },
    expected: ['lovhjemmel'],
  },
  {
    source: 'Lejre Kommune: standarder for sårbare børn og unge',
    name: 'the statement with the statute wording and a clean citation',
    sections: {
      maalgruppe: 'Børn med behov for særlig støtte. I hver enkelt sag foretages en konkret og individuel vurdering af barnets behov.',
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 5.',
    },
    expected: [],
  },
];
