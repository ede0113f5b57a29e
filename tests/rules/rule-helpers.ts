import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentKindOf } from '../../scripts/layout.js';
import type { PolicyDocument } from '../../scripts/model/document.js';
import { checkDocuments } from '../../scripts/check/check-documents.js';
import { defaultConfig } from '../../scripts/config/load-config.js';
import type { AdoptedVersion } from '../../scripts/rules/policy-set.js';
import { RULE_IDS, type ContentRuleId } from '../../scripts/rules/registry.js';
import type { Rule } from '../../scripts/rules/rule.js';
import { documentOf, frameText, REPO_ROOT } from '../helpers.js';

/** A neutral measure: schema-valid, citing a paragraph in force, without the individual-assessment statement. */
export const NEUTRAL_SECTIONS: Record<string, string> = {
  formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen.',
  indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner.',
  maalgruppe: 'Familier med børn, hvor forældrene har brug for støtte til den daglige omsorg.',
  omfang: 'Som udgangspunkt nogle timer om ugen i en periode.',
  tildeling: 'Sagsbehandleren i Familieafdelingen træffer afgørelse.',
  levering: 'Kommunens familiehus leverer ydelsen.',
  kvalitetskrav: 'Leverandøren sender en statusrapport hver tredje måned.',
  lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
};

const HEADINGS: Record<string, string> = {
  formaal: 'Formål',
  indhold: 'Indhold',
  maalgruppe: 'Målgruppe og tildelingskriterier',
  omfang: 'Omfang og varighed',
  tildeling: 'Tildeling',
  levering: 'Levering af ydelsen',
  kvalitetskrav: 'Kvalitetskrav til leverandør',
  lovhjemmel: 'Lovhjemmel',
};

/** The Markdown of a measure with some sections or frontmatter values replaced. */
export function measureText(overrides: Record<string, string> = {}, id = 'praktisk-stoette'): string {
  const frontmatter: Record<string, string> = { id, titel: 'Praktisk pædagogisk støtte i hjemmet', kategori: 'Støttende indsatser' };
  const sections = { ...NEUTRAL_SECTIONS };
  for (const [key, value] of Object.entries(overrides)) {
    if (key in HEADINGS) sections[key] = value;
    else frontmatter[key] = value;
  }
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  const body = Object.entries(sections)
    .map(([key, value]) => `## ${HEADINGS[key]}\n\n${value}\n`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

/** A loaded measure in policies/boern-og-unge/foranstaltninger/. */
export function measureDocument(overrides: Record<string, string> = {}, id = 'praktisk-stoette'): PolicyDocument {
  return documentOf(`policies/boern-og-unge/foranstaltninger/${id}.md`, 'foranstaltning', measureText(overrides, id));
}

/** A loaded frame (serviceniveau.md) for policies/boern-og-unge/, in force from `gyldigFra`. */
export function frameDocument(fields: Partial<Record<string, string>> = {}, gyldigFra = '2025-03-01'): PolicyDocument {
  const { forord, principper, maalgruppe, ...frontmatter } = fields;
  let text = frameText('2025.1', gyldigFra, {
    principper: principper ?? '- Tidlig indsats.\n- Sammenhæng på tværs.',
    maalgruppe: maalgruppe ?? 'Børn og unge 0-18 år og deres familier. Der foretages altid en konkret og individuel vurdering af barnets behov.',
    ...(forord !== undefined ? { forord } : {}),
  });
  // Any other field is a frontmatter key: its line is replaced (status, version, …).
  for (const [key, value] of Object.entries(frontmatter)) text = text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value ?? ''}`);
  return documentOf(FRAME_FILE, 'serviceniveau', text);
}

export const FRAME_FILE = 'policies/boern-og-unge/serviceniveau.md';

/** The newest adopted version as git would give it: the fixture frame's version and date, its area changed since. */
export function adoptedSince(changed = true): AdoptedVersion {
  return { tag: 'vedtaget/2025-02-11', frames: new Map([[FRAME_FILE, { version: '2025.1', gyldigFra: '2025-03-01', changed }]]) };
}

/** The real register in policies/lovregister.json. */
export function registerDocument(): PolicyDocument {
  return documentOf('policies/lovregister.json', 'lovregister', readFileSync(join(REPO_ROOT, 'policies/lovregister.json'), 'utf8'));
}

export interface RuleFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  hint?: string;
  advisory: boolean;
}

/**
 * Runs one rule on documents through the check core, every other rule off, with the real register and a
 * frame (in force from 2025-03-01) as context unless `context` replaces them; returns the rule's findings
 * with positions as a user sees them. `advisory` is an error rule's finding softened to a warning. `asOf` is »check --dato«.
 */
export function findingsOf<Options extends object>(
  rule: Rule<Options, ContentRuleId>,
  documents: readonly PolicyDocument[],
  options: Partial<Options> = {},
  context: readonly PolicyDocument[] = [registerDocument(), frameDocument()],
  asOf?: string,
  adopted?: AdoptedVersion,
): RuleFinding[] {
  const config = defaultConfig();
  for (const id of RULE_IDS) if (id !== rule.id) config.severity[id] = 'off';
  config.options[rule.id] = options;
  const files = documents.map((document) => ({ document, findings: [], broken: false }));
  return checkDocuments(files, context, config, { ...(asOf !== undefined ? { asOf } : {}), ...(adopted ? { adopted } : {}) })
    .findings.filter((finding) => finding.source === 'rule' && finding.rule === rule.id)
    .map((finding) => {
      const end = finding.end ?? finding.start;
      return {
        line: finding.start.line,
        column: finding.start.column,
        endLine: end.line,
        endColumn: end.column,
        message: finding.message,
        ...(finding.hint ? { hint: finding.hint } : {}),
        advisory: rule.defaultSeverity === 'error' && finding.severity === 'warning',
      };
    });
}

/** Every document of the example kommune under policies/, loaded as `check` loads them. */
export function examplePolicyDocuments(): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(REPO_ROOT, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else {
        const kind = documentKindOf(path);
        if (kind) documents.push(documentOf(path, kind, readFileSync(join(REPO_ROOT, path), 'utf8')));
      }
    }
  };
  walk('policies');
  return documents;
}
