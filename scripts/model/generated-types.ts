/* Generated from schemas/*.schema.json by `npm run gen` (json-schema-to-typescript). Do not edit by hand. */

/**
 * Rammen for kommunens serviceniveau på ét område: hvem, hvornår, status og vedtagelse, samt forord, principper og målgruppe.
 */
export interface Serviceniveau {
  /**
   * Sti til dette skema, så editoren kan hjælpe med udfyldningen.
   */
  $schema?: string;
  /**
   * Kommunens navn, fx »Eksempel Kommune«.
   */
  kommune: string;
  /**
   * Det område serviceniveauet dækker, fx »Børn og unge med særlige behov«.
   */
  omraade: string;
  /**
   * Hvor langt serviceniveauet er: »udkast«, »hoering« (sendt i høring) eller »vedtaget«.
   */
  status: 'udkast' | 'hoering' | 'vedtaget';
  /**
   * Versionsbetegnelse, fx »2025.1«. Skriv den i anførselstegn i YAML.
   */
  version: string;
  /**
   * Den dato serviceniveauet gælder fra (ÅÅÅÅ-MM-DD). Lovhjemler kontrolleres mod denne dato.
   */
  gyldig_fra: string;
  /**
   * Den politiske vedtagelse. Skal udfyldes, når status er »vedtaget«.
   */
  vedtagelse?: {
    /**
     * Datoen for den politiske beslutning (ÅÅÅÅ-MM-DD).
     */
    dato: string;
    /**
     * Det politiske organ, der vedtog serviceniveauet, fx »Børne- og Ungeudvalget« eller »Kommunalbestyrelsen«.
     */
    organ: string;
    /**
     * Sagsnummer eller dagsordenspunkt for beslutningen, fx »Sag 25/01234, punkt 7«.
     */
    reference: string;
  };
  /**
   * Hvornår serviceniveauet senest skal revideres (ÅÅÅÅ-MM-DD).
   */
  naeste_revision?: string;
  /**
   * Den der underskriver forordet, normalt borgmesteren.
   */
  underskriver: {
    /**
     * Underskriverens navn.
     */
    navn: string;
    /**
     * Underskriverens titel, fx »Borgmester«.
     */
    titel: string;
  };
  /**
   * Forord: borgmesterens indledning til serviceniveauet.
   */
  forord: string;
  /**
   * Principper: de principper, der er styrende for indsatsen over for børn og unge med særlige behov.
   */
  principper: string;
  /**
   * Målgruppe: børn og unge i alderen 0-18 år og deres familier; hjælpen kan i visse tilfælde strække sig til den unge fylder 23 år.
   */
  maalgruppe: string;
}

/**
 * Enheden for omfanget, som teksten skriver den, fx »timer om ugen«.
 */
export type RammeEnhed =
  'timer om ugen' | 'timer om måneden' | 'døgn om måneden' | 'sessioner om ugen' | 'samtaler i alt';
/**
 * Hvad prisen gælder for: en time, et døgn, en måned, en session eller et helt forløb.
 */
export type PrisEnhed = 'time' | 'døgn' | 'måned' | 'session' | 'forløb';

/**
 * Én foranstaltning (indsats) i serviceniveauet, beskrevet efter skabelonen: formål, indhold, målgruppe og tildelingskriterier, omfang og varighed, tildeling, levering, kvalitetskrav og lovhjemmel.
 */
export interface Foranstaltning {
  /**
   * Sti til dette skema, så editoren kan hjælpe med udfyldningen.
   */
  $schema?: string;
  /**
   * Foranstaltningens faste id: små bogstaver, tal og bindestreger (æ skrives ae, ø oe, å aa). Skal være det samme som filnavnet.
   */
  id: string;
  /**
   * Foranstaltningens navn, som det står i serviceniveauet, fx »Praktisk pædagogisk støtte i hjemmet«.
   */
  titel: string;
  /**
   * Gruppe af foranstaltninger, fx »Forebyggende indsatser«, »Støttende indsatser«, »Anbringelse« eller »Ungestøtte«.
   */
  kategori?: string;
  /**
   * Aldersspænd for målgruppen i hele år. Hjælpen kan i visse tilfælde strække sig til den unge fylder 23 år.
   */
  alder?: {
    /**
     * Laveste alder (år), fx 0.
     */
    fra: number;
    /**
     * Højeste alder (år), der er med i målgruppen, fx 17 for børn under 18 eller 22 for ungestøtte.
     */
    til: number;
  };
  ramme?: Ramme;
  /**
   * Formål: hvorfor foranstaltningen gives til et barn eller en ung.
   */
  formaal: string;
  /**
   * Indhold: hvad der gives til barnet eller den unge.
   */
  indhold: string;
  /**
   * Målgruppe og tildelingskriterier: hvem foranstaltningen gives til. Skal sige, at der altid foretages en konkret og individuel vurdering.
   */
  maalgruppe: string;
  /**
   * Omfang og varighed: hvor meget og hvor længe foranstaltningen typisk gives (vejledende, aldrig som fast grænse).
   */
  omfang: string;
  /**
   * Tildeling: hvem der kan tildele foranstaltningen, og hvilke kompetencer der forudsættes.
   */
  tildeling: string;
  /**
   * Levering af ydelsen: hvor og af hvem ydelsen kan leveres.
   */
  levering: string;
  /**
   * Kvalitetskrav til leverandør: hvordan og hvor ofte der følges op på foranstaltningen.
   */
  kvalitetskrav: string;
  /**
   * Lovhjemmel: den eller de paragraffer, foranstaltningen ydes efter, fx »Barnets Lov § 32, stk. 1, nr. 2«.
   */
  lovhjemmel: string;
}
/**
 * Foranstaltningens ramme i tal: det typiske omfang, den typiske varighed, opfølgningsintervallet og evt. en enhedspris, som afsnittet »Omfang og varighed« beskriver dem. Tallene skal også stå i teksten (reglen »ramme«), og opfølgningen på bevillinger måles op imod dem. Vejledende, aldrig en fast grænse.
 */
export interface Ramme {
  /**
   * Det typiske omfang som et spænd i én enhed, fx 2-5 timer om ugen.
   */
  omfang?: {
    enhed: RammeEnhed;
    /**
     * Det typiske omfang, laveste værdi, fx 2.
     */
    fra: number;
    /**
     * Det typiske omfang, højeste værdi, fx 5. Mindst lig med »fra«.
     */
    til: number;
  };
  /**
   * Den typiske varighed i måneder (»1 år« skrives 12).
   */
  varighed?: {
    /**
     * Typisk varighed i måneder, laveste værdi, fx 6.
     */
    fra?: number;
    /**
     * Typisk varighed i måneder, højeste værdi, fx 12. Mindst lig med »fra«.
     */
    til?: number;
    /**
     * Den længste varighed i måneder, som teksten nævner, fx 12 for »op til 12 måneder«.
     */
    maks?: number;
  };
  /**
   * Hvornår der følges op på en bevilling, i måneder.
   */
  opfoelgning?: {
    /**
     * Første opfølgning efter så mange måneder, fx 3 for »efter 3 måneder«.
     */
    foerste?: number;
    /**
     * Derefter opfølgning hver så mange måneder, fx 6 for »derefter hver 6. måned«.
     */
    derefter?: number;
  };
  /**
   * Valgfri enhedspris til opfølgning på økonomien, fx 450 kr. pr. time.
   */
  enhedspris?: {
    /**
     * Prisen i kroner pr. enhed.
     */
    beloeb: number;
    enhed: PrisEnhed;
  };
}

/**
 * Rollens ansvar, mens serviceniveauet udvikles.
 *
 * Items: Én opgave eller ét ansvar.
 */
export type Ansvar = string[];
/**
 * Rollens ansvar for at implementere og forankre serviceniveauet.
 *
 * Items: Én opgave eller ét ansvar.
 */
export type Ansvar1 = string[];
/**
 * Rollens ansvar for at følge op på serviceniveauet.
 *
 * Items: Én opgave eller ét ansvar.
 */
export type Ansvar2 = string[];

/**
 * Plan for rolle- og ansvarsfordeling i arbejdet med serviceniveauet: hver rolle og dens ansvar i faserne udvikling, implementering og forankring samt opfølgning.
 */
export interface Rolleplan {
  /**
   * Sti til dette skema, så editoren kan hjælpe med udfyldningen.
   */
  $schema?: string;
  /**
   * Planens titel, fx »Rolle- og ansvarsfordeling for serviceniveauet«.
   */
  titel?: string;
  /**
   * Rollerne i planen. Politiker, Direktion, Fagledelse, Teamledelse og Sagsbehandlere skal være med; kommunen kan tilføje flere.
   *
   * @minItems 1
   */
  roller: [Rolle, ...Rolle[]];
}
/**
 * Én rolle og dens ansvar i hver fase.
 */
export interface Rolle {
  /**
   * Rollens navn, fx »Politiker«, »Direktion«, »Fagledelse«, »Teamledelse« eller »Sagsbehandlere«.
   */
  rolle: string;
  udvikling: Ansvar;
  implementering: Ansvar1;
  opfoelgning: Ansvar2;
}

/**
 * Lovens korte id, fx »BL« (Barnets Lov) eller »SEL« (serviceloven).
 */
export type LovId = string;
/**
 * Paragrafnummeret uden §-tegn, fx »32« eller »117 a«.
 */
export type ParagrafNummer = string;

/**
 * De love og paragraffer, som serviceniveauet må henvise til som lovhjemmel, hver med kilde, ikrafttræden og hvor sikker oplysningen er.
 */
export interface Lovregister {
  /**
   * Sti til dette skema, så editoren kan hjælpe med udfyldningen.
   */
  $schema?: string;
  /**
   * Fri tekst om registret: hvor det kommer fra, og hvornår det sidst er kontrolleret.
   */
  beskrivelse?: string;
  /**
   * De love, der kan henvises til.
   *
   * @minItems 1
   */
  love: [Lov, ...Lov[]];
  /**
   * De paragraffer (med stk. og nr.), der kan henvises til.
   */
  paragraffer: Paragraf[];
}
export interface Lov {
  id: LovId;
  /**
   * Lovens navn, som det skrives i teksten, fx »Barnets Lov«.
   */
  navn: string;
  /**
   * Andre navne og forkortelser, loven kan nævnes med, fx »barnets lov«, »BL«.
   */
  aliaser: string[];
  /**
   * Hvor loven og dens gældende bekendtgørelse er fundet.
   */
  kilde?: string;
}
export interface Paragraf {
  lov: LovId;
  paragraf: ParagrafNummer;
  /**
   * Stykke, hvis henvisningen gælder et bestemt stykke.
   */
  stk?: number;
  /**
   * Nummer, hvis henvisningen gælder et bestemt nummer.
   */
  nr?: number;
  /**
   * Kort beskrivelse af, hvad bestemmelsen handler om.
   */
  titel: string;
  /**
   * Den dato bestemmelsen trådte i kraft (ÅÅÅÅ-MM-DD). Udelades kun, hvis datoen ikke er undersøgt; sig det i »note«.
   */
  i_kraft_fra?: string;
  /**
   * Den sidste dato bestemmelsen gjaldt (ÅÅÅÅ-MM-DD), hvis den er ophævet.
   */
  i_kraft_til?: string;
  /**
   * Tidligere bestemmelser, som denne afløser, skrevet som tekst, fx »SEL § 52, stk. 3, nr. 2«.
   */
  erstatter?: string[];
  /**
   * Hvor sikker sammenhængen til de tidligere bestemmelser er.
   */
  erstatter_sikkerhed?: 'høj' | 'middel' | 'lav';
  /**
   * De bestemmelser, der har afløst denne, hvis den er ophævet.
   */
  erstattet_af?: Henvisning[];
  /**
   * Hvor oplysningen kommer fra (link til lovtekst eller vejledning).
   */
  kilde: string;
  /**
   * Hvor sikker oplysningen er.
   */
  sikkerhed: 'høj' | 'middel' | 'lav';
  /**
   * Grænser, som loven selv fastsætter, som de skrives i serviceniveauet, fx »15 timer« (§ 89: 15 timers ledsagelse om måneden). En sætning, der gengiver en sådan grænse, markeres ikke af reglen skoen-under-regel.
   */
  graenser?: string[];
  /**
   * Ændringer af bestemmelsen, som lovteksterne i værktøjet (den nyeste lovbekendtgørelse) ikke har med. »check« advarer om en foranstaltning, der henviser til bestemmelsen, når ændringen er trådt i kraft efter serviceniveauets vedtagelse.
   */
  aendringer?: Aendring[];
  /**
   * Bemærkninger til bestemmelsen og til kilden.
   */
  note?: string;
}
/**
 * En henvisning til en bestemt paragraf.
 */
export interface Henvisning {
  lov: LovId;
  paragraf: ParagrafNummer;
  /**
   * Stykke.
   */
  stk?: number;
  /**
   * Nummer.
   */
  nr?: number;
}
/**
 * Én ændring af en bestemmelse.
 */
export interface Aendring {
  /**
   * Den dato, ændringen trådte i kraft (ÅÅÅÅ-MM-DD).
   */
  i_kraft_fra: string;
  /**
   * Den lov eller bekendtgørelse, der ændrede bestemmelsen, fx »LOV nr 746 af 20/06/2025«.
   */
  ved: string;
  /**
   * Hvad der ændrede sig, i almindeligt dansk, fx »merudgiftsydelsen er afløst af kompensationsydelse med et standardbeløb«.
   */
  beskrivelse: string;
  /**
   * Hvor ændringen er læst (link til retsinformation.dk eller Folketingets lovforslag).
   */
  kilde: string;
}

/**
 * Alvor: »error« (fejl, stopper godkendelsen), »warning« (advarsel) eller »off« (slået fra).
 */
export type Alvor = 'error' | 'warning' | 'off';

/**
 * Konfiguration af serviceniveau (filen serviceniveau.config.json): hvilke regler der er slået til, med hvilken alvor og med hvilke indstillinger, og hvordan Word-dokumenterne ser ud.
 */
export interface Konfiguration {
  /**
   * Sti til dette skema, så editoren kan hjælpe med udfyldningen.
   */
  $schema?: string;
  /**
   * Indstillinger pr. regel: enten en alvor alene, fx "warning", eller et objekt med »severity« og »options«. En regel, der ikke er nævnt, kører med sin standardalvor.
   */
  rules?: {
    /**
     * Dokumentet følger sit skema: alle afsnit findes og er udfyldt, og felterne har den rigtige form.
     */
    schema?:
      | Alvor
      | {
          severity?: Alvor;
        };
    /**
     * Rammen og hver foranstaltning siger, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov.
     */
    'individuel-vurdering'?:
      | Alvor
      | {
          severity?: Alvor;
          options?: IndividuelVurderingOptions;
        };
    /**
     * Hver foranstaltning henviser til mindst én paragraf, der findes i lovregistret og gælder på serviceniveauets gyldighedsdato.
     */
    lovhjemmel?:
      | Alvor
      | {
          severity?: Alvor;
          options?: LovhjemmelOptions;
        };
    /**
     * Ingen pladsholdere fra skabelonen, fx »XX Kommune«, »[tilpasses ...]«, »____« eller »TODO«.
     */
    pladsholder?:
      | Alvor
      | {
          severity?: Alvor;
          options?: PladsholderOptions;
        };
    /**
     * Ingen personoplysninger: CPR-numre og e-mailadresser eller telefonnumre, der ikke er kommunens egne.
     */
    personoplysninger?:
      | Alvor
      | {
          severity?: Alvor;
          options?: PersonoplysningerOptions;
        };
    /**
     * Ingen absolutte grænser, der sætter skønnet under regel, uden et forbehold som »som udgangspunkt« i samme sætning.
     */
    'skoen-under-regel'?:
      | Alvor
      | {
          severity?: Alvor;
          options?: SkoenUnderRegelOptions;
        };
    /**
     * Hvert afsnit er let at læse: LIX under den fastsatte grænse.
     */
    laesbarhed?:
      | Alvor
      | {
          severity?: Alvor;
          options?: LaesbarhedOptions;
        };
    /**
     * Et serviceniveau, der er ændret siden den nyeste vedtagne version, står ikke stadig som vedtaget.
     */
    'forslag-status'?:
      | Alvor
      | {
          severity?: Alvor;
          options?: ForslagStatusOptions;
        };
    /**
     * Tallene i »ramme« står også i afsnittet »Omfang og varighed«, og teksten siger ikke noget andet.
     */
    ramme?:
      | Alvor
      | {
          severity?: Alvor;
          options?: RammeOptions;
        };
  };
  document?: DocumentOptions;
  import?: ImportOptions;
  site?: SiteOptions;
  opfoelgning?: OpfoelgningConfig;
}
/**
 * Indstillinger for reglen »individuel-vurdering«.
 */
export interface IndividuelVurderingOptions {
  /**
   * »measure« (standard): rammen og hver foranstaltning skal have udsagnet. »frame«: kun rammen (serviceniveau.md).
   */
  scope?: 'measure' | 'frame';
  /**
   * Regulære udtryk (på en sætning med små bogstaver), der hver godkendes som udsagnet. Erstatter standardudtrykkene.
   */
  phrases?: string[];
  /**
   * Regulære udtryk, der gør udsagnet nægtet eller svækket, når de står i samme sætning. Erstatter standardudtrykkene.
   */
  negations?: string[];
}
/**
 * Indstillinger for reglen »lovhjemmel«.
 */
export interface LovhjemmelOptions {}
/**
 * Indstillinger for reglen »pladsholder«.
 */
export interface PladsholderOptions {
  /**
   * Ekstra regulære udtryk, der også regnes som pladsholdere, fx kommunens egne skabelonord.
   */
  patterns?: string[];
}
/**
 * Indstillinger for reglen »personoplysninger«.
 */
export interface PersonoplysningerOptions {
  /**
   * Tilladte e-mailadresser og telefonnumre, fx kommunens hovednummer »70 10 20 30« eller »familie@eksempel-kommune.dk«. »@eksempel-kommune.dk« tillader alle adresser på domænet.
   */
  allow?: string[];
}
/**
 * Indstillinger for reglen »skoen-under-regel«.
 */
export interface SkoenUnderRegelOptions {
  /**
   * De afsnit, reglen læser. Standard: alle afsnit med tekst undtagen »lovhjemmel«.
   */
  sections?: ('formaal' | 'indhold' | 'maalgruppe' | 'omfang' | 'tildeling' | 'levering' | 'kvalitetskrav')[];
  /**
   * Ekstra regulære udtryk (små bogstaver) for absolutte formuleringer.
   */
  absolutes?: string[];
  /**
   * Ekstra regulære udtryk (små bogstaver) for forbehold, der gør en grænse vejledende.
   */
  qualifiers?: string[];
}
/**
 * Indstillinger for reglen »laesbarhed«.
 */
export interface LaesbarhedOptions {
  /**
   * Højeste LIX for et afsnit. Standard 50 (midt i båndet »svær«, LIX 45-54).
   */
  max?: number;
  /**
   * Afsnit med færre ord end dette måles ikke, fordi LIX er upålidelig på korte tekster. Standard 25.
   */
  minWords?: number;
}
/**
 * Indstillinger for reglen »forslag-status«.
 */
export interface ForslagStatusOptions {}
/**
 * Indstillinger for reglen »ramme«.
 */
export interface RammeOptions {}
/**
 * Udseendet af Word-dokumenterne (render og changelog med --format docx), efter kommunens designguide. Det, der ikke er angivet, er som standard: Arial 11 pt med mørkeblå overskrifter.
 */
export interface DocumentOptions {
  /**
   * Skrifttypen til al tekst, som den hedder i Word, fx »Calibri« eller »Times New Roman«. Standard »Arial«.
   */
  font?: string;
  /**
   * Brødtekstens størrelse i punkt, fra 8 til 16 i hele eller halve punkter, fx 11 eller 10.5. Overskrifterne følger med i samme forhold; tabeller står i 10 pt. Standard 11.
   */
  fontSize?: number;
  /**
   * Overskrifternes farve som en farvekode med seks hexcifre uden #, fx »1F4E79« (mørkeblå, standard) eller »000000« (sort).
   */
  headingColor?: string;
}
/**
 * Indstillinger for »serviceniveau import« af et eksisterende serviceniveau fra Word.
 */
export interface ImportOptions {
  /**
   * Kommunens egne overskrifter og etiketter for afsnittene, ud over de indbyggede, fx { "foranstaltning": { "formaal": ["Hvad vil vi opnå?"] } }. En etiket, der slutter med »…«, passer på alt, der begynder sådan, fx »Hvem kan få …?«.
   */
  labels?: {
    /**
     * Etiketter for foranstaltningernes afsnit, pr. felt.
     */
    foranstaltning?: {
      /**
       * Etiketter for afsnittet »formaal«.
       *
       * @maxItems 50
       */
      formaal?: string[];
      /**
       * Etiketter for afsnittet »indhold«.
       *
       * @maxItems 50
       */
      indhold?: string[];
      /**
       * Etiketter for afsnittet »maalgruppe«.
       *
       * @maxItems 50
       */
      maalgruppe?: string[];
      /**
       * Etiketter for afsnittet »omfang«.
       *
       * @maxItems 50
       */
      omfang?: string[];
      /**
       * Etiketter for afsnittet »tildeling«.
       *
       * @maxItems 50
       */
      tildeling?: string[];
      /**
       * Etiketter for afsnittet »levering«.
       *
       * @maxItems 50
       */
      levering?: string[];
      /**
       * Etiketter for afsnittet »kvalitetskrav«.
       *
       * @maxItems 50
       */
      kvalitetskrav?: string[];
      /**
       * Etiketter for afsnittet »lovhjemmel«.
       *
       * @maxItems 50
       */
      lovhjemmel?: string[];
    };
    /**
     * Etiketter for rammens afsnit (forord, principper og målgruppe).
     */
    serviceniveau?: {
      /**
       * Etiketter for afsnittet »forord«.
       *
       * @maxItems 50
       */
      forord?: string[];
      /**
       * Etiketter for afsnittet »principper«.
       *
       * @maxItems 50
       */
      principper?: string[];
      /**
       * Etiketter for afsnittet »maalgruppe«.
       *
       * @maxItems 50
       */
      maalgruppe?: string[];
    };
  };
}
/**
 * Hjemmesiden til borgere, leverandører og sagsbehandlere (»serviceniveau site«) i kommunens eget udseende.
 */
export interface SiteOptions {
  /**
   * Kommunens navn, som det står øverst på hver side. Standard: »kommune« fra serviceniveau.md.
   */
  kommune?: string;
  /**
   * Kommunens primære farve som en farvekode med seks hexcifre, fx »#1F4E79« (standard). Farven bruges bag hvid tekst og til links på hvid baggrund, så kontrasten til hvid skal være mindst 4,5:1 (WCAG 2.1 AA).
   */
  primaryColor?: string;
  /**
   * Stien til kommunens logo (svg, png, jpg eller webp), fra repositoriets rod, fx »design/logo.svg«. Filen kopieres ind på hjemmesiden.
   */
  logo?: string;
  /**
   * Kontaktoplysninger i sidens bund, fx »Familieafdelingen, tlf. 70 10 20 30, familie@eksempel.dk«.
   */
  contact?: string;
  /**
   * Adressen på kommunens tilgængelighedserklæring (https://…); den linkes i bunden af hver side.
   */
  accessibilityStatement?: string;
}
/**
 * Indstillinger for »serviceniveau opfoelgning«: hvordan eksporten af bevillinger fra fagsystemet læses. Eksporten selv er personoplysninger og må aldrig ligge i repositoriet.
 */
export interface OpfoelgningConfig {
  /**
   * Kolonneoverskrifterne i eksporten, pr. oplysning. En oplysning, der ikke er nævnt, findes ud fra de almindelige danske overskrifter (store og små bogstaver er ligegyldige). Startdato og én af indsats, kode eller paragraf skal findes.
   */
  kolonner?: {
    /**
     * Overskriften på kolonnen med indsatsens id, som i foranstaltningens »id«, fx »Indsats«.
     */
    indsats?: string;
    /**
     * Overskriften på kolonnen med indsatsens kode i fagsystemet (oversættes til et id med »koder«), fx »Ydelseskode«.
     */
    kode?: string;
    /**
     * Overskriften på kolonnen med paragraffen, indsatsen er bevilget efter (»§ 32, stk. 1, nr. 2«; uden lov: Barnets Lov), fx »Paragraf«.
     */
    paragraf?: string;
    /**
     * Overskriften på kolonnen med sagsnummer eller andet id, der skiller børnene ad (aldrig CPR-nummeret), fx »Sagsnr«.
     */
    barn?: string;
    /**
     * Overskriften på kolonnen med barnets alder i hele år ved bevillingens start, fx »Alder«.
     */
    alder?: string;
    /**
     * Overskriften på kolonnen med barnets fødselsdato, når der ikke er en kolonne med alder, fx »Fødselsdato«.
     */
    foedselsdato?: string;
    /**
     * Overskriften på kolonnen med bevillingens startdato, fx »Startdato«.
     */
    start?: string;
    /**
     * Overskriften på kolonnen med bevillingens slutdato (tom for en løbende bevilling), fx »Slutdato«.
     */
    slut?: string;
    /**
     * Overskriften på kolonnen med det bevilgede omfang som et tal, fx »Timer«.
     */
    omfang?: string;
    /**
     * Overskriften på kolonnen med omfangets enhed, fx »timer om ugen« eller »døgn om måneden«, fx »Enhed«.
     */
    omfangEnhed?: string;
    /**
     * Overskriften på kolonnen med udgiften i kroner, fx »Udgift«.
     */
    udgift?: string;
    /**
     * Overskriften på kolonnen med datoen for den seneste opfølgning, fx »Opfølgning«.
     */
    senesteOpfoelgning?: string;
  };
  /**
   * Fagsystemets ydelseskoder oversat til foranstaltningernes id, fx { "FAM-01": "familiebehandling" }.
   */
  koder?: {
    [k: string]: string | undefined;
  };
  /**
   * Navnet på regnearket med bevillingerne i en xlsx-fil. Standard: det første ark.
   */
  ark?: string;
}
