import type { Lovregister } from '../../scripts/model/generated-types.js';
import type { ChangeId, Round, MeasureChange } from '../../scripts/revision/model.js';

/** The laws of policies/lovregister.json the sample cites, by their names: what the appendix »Lovgrundlag« reads citations by. */
export const SAMPLE_REGISTER: Lovregister = {
  love: [
    { id: 'BL', navn: 'Barnets Lov', aliaser: ['barnets lov', 'BL'] },
    { id: 'SEL', navn: 'Serviceloven', aliaser: ['serviceloven', 'lov om social service', 'SEL'] },
    { id: 'FSL', navn: 'Lov om folkeskolen', aliaser: ['folkeskoleloven', 'FSL'] },
  ],
  paragraffer: [],
};

const measureBefore = {
  id: 'praktisk-paedagogisk-stoette',
  titel: 'Praktisk pædagogisk støtte i hjemmet',
  kategori: 'Støttende indsatser',
  alder: { fra: 0, til: 17 },
  formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen.',
  indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner.',
  maalgruppe: 'Familier med børn 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets behov.',
  omfang: 'Som udgangspunkt 10 timer om ugen i op til 6 måneder.',
  tildeling: 'Sagsbehandleren træffer afgørelse efter en børnefaglig undersøgelse.',
  levering: 'Kommunens familiehus leverer ydelsen.',
  kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned.',
  lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
};

const measureAfter = {
  ...measureBefore,
  omfang: 'Som udgangspunkt 8 timer om ugen i op til 6 måneder.',
  tildeling: 'Visitationsudvalget træffer afgørelse efter en børnefaglig undersøgelse.',
  kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned',
};

const mentor = {
  id: 'mentorordning',
  titel: 'Mentor til unge',
  kategori: 'Støttende indsatser',
  alder: { fra: 14, til: 17 },
  formaal: 'At give den unge en fast voksen at støtte sig til.',
  indhold: 'En mentor mødes med den unge hver uge <script>alert(1)</script>.',
  maalgruppe: 'Unge 14-17 år. Der foretages altid en konkret og individuel vurdering af den unges behov.',
  omfang: 'Som udgangspunkt 2 timer om ugen.',
  tildeling: 'Sagsbehandleren.',
  levering: 'Frivillige mentorer fra kommunens mentorkorps.',
  kvalitetskrav: 'Mentoren får supervision hver måned.',
  lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 3.',
};

const frame = {
  kommune: 'Eksempel Kommune',
  omraade: 'Børn og unge med særlige behov',
  status: 'vedtaget' as const,
  version: '2025.1',
  gyldig_fra: '2025-03-01',
  underskriver: { navn: 'Lene Holm', titel: 'Borgmester' },
  forord: 'Jeg er glad for at kunne præsentere vores serviceniveau.',
  principper: '- Tidlig indsats.\n- Sammenhæng på tværs.',
  maalgruppe: 'Børn og unge 0-18 år. Der foretages altid en konkret og individuel vurdering.',
};

/** A small, realistic revision round for renderer tests: one measure reduced, one added, the frame's version bumped. */
export function sampleRound(): Round {
  return {
    kommune: 'Eksempel Kommune',
    omraade: 'Børn og unge med særlige behov',
    from: {
      label: 'vedtaget/2025-02-11',
      commit: 'a'.repeat(40),
      date: '2025-02-11T10:00:00Z',
      author: 'Anna Jensen',
      version: '2025.1',
      gyldigFra: '2025-03-01',
    },
    to: { label: 'forslag-2026', commit: 'b'.repeat(40), date: '2026-01-15T09:30:00Z', author: 'Mette Sørensen', version: '2026.1', gyldigFra: '2026-03-01' },
    changelog: {
      from: 'vedtaget/2025-02-11',
      to: 'forslag-2026',
      changes: [
        {
          id: 'praktisk-paedagogisk-stoette',
          titel: 'Praktisk pædagogisk støtte i hjemmet',
          kind: 'changed',
          fields: [
            {
              field: 'omfang',
              class: 'material',
              change: 'omfang-reduceret',
              before: measureBefore.omfang,
              after: measureAfter.omfang,
              note: '10 timer → 8 timer (−20 %)',
            },
            { field: 'tildeling', class: 'material', change: 'tildeling-aendret', before: measureBefore.tildeling, after: measureAfter.tildeling },
            { field: 'kvalitetskrav', class: 'editorial', change: 'tekst-redaktionel', before: measureBefore.kvalitetskrav, after: measureAfter.kvalitetskrav },
          ],
        },
        {
          id: 'mentorordning',
          titel: 'Mentor til unge',
          kind: 'added',
          fields: [],
        },
        {
          id: 'serviceniveau',
          titel: 'Serviceniveauets ramme',
          kind: 'changed',
          fields: [{ field: 'version', class: 'editorial', change: 'tekst-redaktionel', before: '2025.1', after: '2026.1' }],
        },
      ],
    },
    before: { frame, measures: [measureBefore], register: SAMPLE_REGISTER },
    after: {
      frame: { ...frame, version: '2026.1', gyldig_fra: '2026-03-01', status: 'hoering' },
      measures: [mentor, measureAfter],
      register: SAMPLE_REGISTER,
    },
    deviations: [
      { file: 'policies/boern-og-unge/foranstaltninger/mentorordning.md', line: 20, rules: ['skoen-under-regel'], reason: 'Loven fastsætter selv grænsen' },
    ],
    changedBy: {
      'praktisk-paedagogisk-stoette': { author: 'Mette Sørensen', date: '2026-01-12T09:30:00+01:00' },
      mentorordning: { author: 'Jonas Holm', date: '2026-01-14T13:05:00+01:00' },
    },
  };
}

/** »Familiebehandling« renamed to »Familiebehandling i hjemmet«: a new id and a new title. */
export function renamedFamiliebehandling(): MeasureChange {
  return {
    id: 'familiebehandling-i-hjemmet',
    previousId: 'familiebehandling',
    titel: 'Familiebehandling i hjemmet',
    kind: 'renamed',
    fields: [
      { field: 'id', class: 'editorial', change: 'foranstaltning-omdoebt', before: 'familiebehandling', after: 'familiebehandling-i-hjemmet' },
      { field: 'titel', class: 'content', change: 'titel-aendret', before: 'Familiebehandling', after: 'Familiebehandling i hjemmet' },
    ],
  };
}

/**
 * The committee member's count (issue 13): one measure removed and one added, each with all its fields, and four material
 * field changes in another measure. Every renderer should say 6 material changes, not one per field.
 */
export function countedRound(): Round {
  const round = sampleRound();
  const wholeFields = (document: Record<string, unknown>, side: 'before' | 'after', change: ChangeId) =>
    Object.entries(document)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([field, text]) => ({ field, class: 'material' as const, change, before: side === 'before' ? text : '', after: side === 'after' ? text : '' }));
  const changed = {
    ...mentor,
    id: 'familiebehandling',
    titel: 'Familiebehandling',
    omfang: 'Som udgangspunkt 1 time om ugen.',
    tildeling: 'Visitationsudvalget.',
    lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 5.',
    maalgruppe: 'Unge 15-17 år. Der foretages altid en konkret og individuel vurdering af den unges behov.',
  };
  const before = { ...mentor, id: 'familiebehandling', titel: 'Familiebehandling' };
  const material = (field: 'omfang' | 'tildeling' | 'lovhjemmel' | 'maalgruppe', change: ChangeId) => ({
    field,
    class: 'material' as const,
    change,
    before: before[field],
    after: changed[field],
  });
  round.changelog.changes = [
    {
      id: 'familiebehandling',
      titel: 'Familiebehandling',
      kind: 'changed',
      fields: [
        material('omfang', 'omfang-reduceret'),
        material('tildeling', 'tildeling-aendret'),
        material('lovhjemmel', 'lovhjemmel-aendret'),
        material('maalgruppe', 'maalgruppe-aendret'),
      ],
    },
    { id: 'mentorordning', titel: 'Mentor til unge', kind: 'added', fields: wholeFields(mentor, 'after', 'foranstaltning-tilfoejet') },
    {
      id: 'praktisk-paedagogisk-stoette',
      titel: 'Praktisk pædagogisk støtte i hjemmet',
      kind: 'removed',
      fields: wholeFields(measureBefore, 'before', 'foranstaltning-fjernet'),
    },
  ];
  round.before = { ...round.before, measures: [before, measureBefore] };
  round.after = { ...round.after, measures: [changed, mentor] };
  return round;
}
