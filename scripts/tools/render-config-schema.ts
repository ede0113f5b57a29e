import { join } from 'node:path';
import { RULES, SCHEMA_RULE } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';

/** Where the config schema lives; checked in, and regenerated from the rule registry with `npm run gen`. */
export const CONFIG_SCHEMA_PATH = join('schemas', 'config.schema.json');

const SEVERITY = { $ref: '#/$defs/alvor' };

/** The `$defs` name of a rule's options, from which json-schema-to-typescript names its type: `skoen-under-regel` → `skoenUnderRegelOptions`. */
export function optionsDefName(id: string): string {
  return `${id.replace(/-(\p{Ll})/gu, (_, letter: string) => letter.toUpperCase())}Options`;
}

/** A rule's entry under `rules`: a severity alone, or an object with a severity and (for a rule that has them) options. */
function ruleEntry(rule: Pick<Rule, 'id' | 'description'>, withOptions: boolean): object {
  const properties = withOptions ? { severity: SEVERITY, options: { $ref: `#/$defs/${optionsDefName(rule.id)}` } } : { severity: SEVERITY };
  return { description: rule.description, oneOf: [SEVERITY, { type: 'object', additionalProperties: false, properties }] };
}

/** The look of the Word documents, which a kommune sets to its own design guide; each setting has its default in docx/styles.ts. */
const DOCUMENT_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  description:
    'Udseendet af Word-dokumenterne (render og changelog med --format docx), efter kommunens designguide. Det, der ikke er angivet, er som standard: Arial 11 pt med mørkeblå overskrifter.',
  properties: {
    font: {
      type: 'string',
      pattern: '^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå .-]{0,30}$',
      description: 'Skrifttypen til al tekst, som den hedder i Word, fx »Calibri« eller »Times New Roman«. Standard »Arial«.',
    },
    fontSize: {
      type: 'number',
      minimum: 8,
      maximum: 16,
      multipleOf: 0.5,
      description:
        'Brødtekstens størrelse i punkt, fra 8 til 16 i hele eller halve punkter, fx 11 eller 10.5. Overskrifterne følger med i samme forhold; tabeller står i 10 pt. Standard 11.',
      errorMessage: { multipleOf: 'Skriftstørrelsen skal være i hele eller halve punkter, fx 11 eller 10.5' },
    },
    headingColor: {
      type: 'string',
      pattern: '^[0-9A-Fa-f]{6}$',
      description: 'Overskrifternes farve som en farvekode med seks hexcifre uden #, fx »1F4E79« (mørkeblå, standard) eller »000000« (sort).',
    },
  },
};

const LABEL_LIST = {
  type: 'array',
  maxItems: 50,
  items: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
};

/** Labels for `import`: what a kommune calls each field in its Word document, beside the built-in ones in scripts/import/labels.ts. */
const IMPORT_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for »serviceniveau import« af et eksisterende serviceniveau fra Word.',
  properties: {
    labels: {
      type: 'object',
      additionalProperties: false,
      description:
        'Kommunens egne overskrifter og etiketter for afsnittene, ud over de indbyggede, fx { "foranstaltning": { "formaal": ["Hvad vil vi opnå?"] } }. En etiket, der slutter med »…«, passer på alt, der begynder sådan, fx »Hvem kan få …?«.',
      properties: {
        foranstaltning: {
          type: 'object',
          additionalProperties: false,
          description: 'Etiketter for foranstaltningernes afsnit, pr. felt.',
          properties: Object.fromEntries(
            ['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav', 'lovhjemmel'].map((key) => [
              key,
              { ...LABEL_LIST, description: `Etiketter for afsnittet »${key}«.` },
            ]),
          ),
        },
        serviceniveau: {
          type: 'object',
          additionalProperties: false,
          description: 'Etiketter for rammens afsnit (forord, principper og målgruppe).',
          properties: Object.fromEntries(
            ['forord', 'principper', 'maalgruppe'].map((key) => [key, { ...LABEL_LIST, description: `Etiketter for afsnittet »${key}«.` }]),
          ),
        },
      },
    },
  },
};

/** The citizens' website (`serviceniveau site`): the kommune's own name, colour, logo and contact, and its accessibility statement. */
const SITE_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  description: 'Hjemmesiden til borgere, leverandører og sagsbehandlere (»serviceniveau site«) i kommunens eget udseende.',
  properties: {
    kommune: {
      type: 'string',
      minLength: 1,
      maxLength: 120,
      pattern: '\\S',
      description: 'Kommunens navn, som det står øverst på hver side. Standard: »kommune« fra serviceniveau.md.',
    },
    primaryColor: {
      type: 'string',
      pattern: '^#?[0-9A-Fa-f]{6}$',
      description:
        'Kommunens primære farve som en farvekode med seks hexcifre, fx »#1F4E79« (standard). Farven bruges bag hvid tekst og til links på hvid baggrund, så kontrasten til hvid skal være mindst 4,5:1 (WCAG 2.1 AA).',
    },
    logo: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      pattern: '\\.(?:[Ss][Vv][Gg]|[Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ww][Ee][Bb][Pp])$',
      description: 'Stien til kommunens logo (svg, png, jpg eller webp), fra repositoriets rod, fx »design/logo.svg«. Filen kopieres ind på hjemmesiden.',
    },
    contact: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      description: 'Kontaktoplysninger i sidens bund, fx »Familieafdelingen, tlf. 70 10 20 30, familie@eksempel.dk«.',
    },
    accessibilityStatement: {
      type: 'string',
      pattern: '^https://',
      maxLength: 500,
      description: 'Adressen på kommunens tilgængelighedserklæring (https://…); den linkes i bunden af hver side.',
    },
  },
};

const COLUMN_KEYS: [string, string, string][] = [
  ['indsats', 'Indsats', 'indsatsens id, som i foranstaltningens »id«'],
  ['kode', 'Ydelseskode', 'indsatsens kode i fagsystemet (oversættes til et id med »koder«)'],
  ['paragraf', 'Paragraf', 'paragraffen, indsatsen er bevilget efter (»§ 32, stk. 1, nr. 2«; uden lov: Barnets Lov)'],
  ['barn', 'Sagsnr', 'sagsnummer eller andet id, der skiller børnene ad (aldrig CPR-nummeret)'],
  ['alder', 'Alder', 'barnets alder i hele år ved bevillingens start'],
  ['foedselsdato', 'Fødselsdato', 'barnets fødselsdato, når der ikke er en kolonne med alder'],
  ['start', 'Startdato', 'bevillingens startdato'],
  ['slut', 'Slutdato', 'bevillingens slutdato (tom for en løbende bevilling)'],
  ['omfang', 'Timer', 'det bevilgede omfang som et tal'],
  ['omfangEnhed', 'Enhed', 'omfangets enhed, fx »timer om ugen« eller »døgn om måneden«'],
  ['udgift', 'Udgift', 'udgiften i kroner'],
  ['senesteOpfoelgning', 'Opfølgning', 'datoen for den seneste opfølgning'],
];

/** Follow-up on allocations (`opfoelgning`): which column of the case system's export holds what, and the kommune's measure codes. */
const OPFOELGNING_OPTIONS = {
  title: 'OpfoelgningConfig',
  type: 'object',
  additionalProperties: false,
  description:
    'Indstillinger for »serviceniveau opfoelgning«: hvordan eksporten af bevillinger fra fagsystemet læses. Eksporten selv er personoplysninger og må aldrig ligge i repositoriet.',
  properties: {
    kolonner: {
      type: 'object',
      additionalProperties: false,
      description:
        'Kolonneoverskrifterne i eksporten, pr. oplysning. En oplysning, der ikke er nævnt, findes ud fra de almindelige danske overskrifter (store og små bogstaver er ligegyldige). Startdato og én af indsats, kode eller paragraf skal findes.',
      properties: Object.fromEntries(
        COLUMN_KEYS.map(([key, example, what]) => [
          key,
          { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S', description: `Overskriften på kolonnen med ${what}, fx »${example}«.` },
        ]),
      ),
    },
    koder: {
      type: 'object',
      description: 'Fagsystemets ydelseskoder oversat til foranstaltningernes id, fx { "FAM-01": "familiebehandling" }.',
      propertyNames: { minLength: 1, maxLength: 120 },
      additionalProperties: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
    },
    ark: {
      type: 'string',
      minLength: 1,
      maxLength: 120,
      description: 'Navnet på regnearket med bevillingerne i en xlsx-fil. Standard: det første ark.',
    },
  },
};

/** Renders schemas/config.schema.json: the fixed frame, and one entry and one options schema per registered rule. Deterministic. */
export function renderConfigSchema(): string {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://serviceniveau.example/schemas/config.schema.json',
    $comment: "Generated from the rules in scripts/rules/ by `npm run gen`. Do not edit by hand: change the rule's optionsSchema.",
    title: 'Konfiguration',
    description:
      'Konfiguration af serviceniveau (filen serviceniveau.config.json): hvilke regler der er slået til, med hvilken alvor og med hvilke indstillinger, og hvordan Word-dokumenterne ser ud.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Sti til dette skema, så editoren kan hjælpe med udfyldningen.' },
      rules: {
        type: 'object',
        additionalProperties: false,
        description:
          'Indstillinger pr. regel: enten en alvor alene, fx "warning", eller et objekt med »severity« og »options«. En regel, der ikke er nævnt, kører med sin standardalvor.',
        properties: Object.fromEntries<object>([
          [SCHEMA_RULE.id, ruleEntry(SCHEMA_RULE, false)],
          ...RULES.map((rule): [string, object] => [rule.id, ruleEntry(rule, true)]),
        ]),
      },
      document: { $ref: '#/$defs/documentOptions' },
      import: { $ref: '#/$defs/importOptions' },
      site: { $ref: '#/$defs/siteOptions' },
      opfoelgning: { $ref: '#/$defs/opfoelgningOptions' },
    },
    $defs: {
      alvor: { enum: ['error', 'warning', 'off'], description: 'Alvor: »error« (fejl, stopper godkendelsen), »warning« (advarsel) eller »off« (slået fra).' },
      documentOptions: DOCUMENT_OPTIONS,
      importOptions: IMPORT_OPTIONS,
      siteOptions: SITE_OPTIONS,
      opfoelgningOptions: OPFOELGNING_OPTIONS,
      ...Object.fromEntries(RULES.map((rule) => [optionsDefName(rule.id), rule.optionsSchema])),
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
