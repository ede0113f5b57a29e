import type { ErrorObject } from 'ajv';
import { isRecord, type PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { rangePositions } from '../load/load-document.js';
import { rolePhaseFields } from '../model/schema-catalog.js';
import { measureIdOf } from '../layout.js';
import { locate } from './locate.js';
import { describeSchemaError, type SchemaMessage } from './schema-messages.js';
import { validatorFor } from './schema-validators.js';

/** Checks one document against its JSON Schema and the rules a schema cannot say; rule `schema`. */
export function validateDocument(document: PolicyDocument): Finding[] {
  const validate = validatorFor(document.kind);
  const messages: SchemaMessage[] = [];
  if (!validate(document.data)) {
    for (const error of withoutAlternativesNoise(validate.errors ?? [])) {
      const message = describeSchemaError(error, document);
      if (message) messages.push(message);
    }
  }
  messages.push(...checkConsistency(document));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const message of messages) {
    const identity = `${message.pointer}\u0000${message.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    findings.push(schemaFinding(document, message));
  }
  return findings;
}

/**
 * Untangles a failed oneOf/anyOf: the branches' complaints about the value itself are noise next to
 * the oneOf error, but a complaint inside the value (a wrong `severity` in an object) says it better.
 */
function withoutAlternativesNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  return errors.filter((error) => {
    if (alternatives.includes(error)) return !errors.some((other) => other.instancePath.startsWith(`${error.instancePath}/`));
    return !alternatives.some((parent) => parent.instancePath === error.instancePath);
  });
}

/** A finding of rule `schema` at the place a message's pointer names. */
export function schemaFinding(document: PolicyDocument, message: SchemaMessage): Finding {
  return {
    source: 'schema',
    rule: 'schema',
    severity: message.severity ?? 'error',
    file: document.file,
    ...rangePositions(document, locate(document, message.pointer, { key: message.atKey })),
    message: message.message,
    ...(message.hint ? { hint: message.hint } : {}),
  };
}

/** What the schema cannot express: a measure's id is its file name, its age range runs forwards, no role-plan phase is empty. */
function checkConsistency(document: PolicyDocument): SchemaMessage[] {
  if (document.kind === 'rolleplan') return emptyPhases(document);
  if (document.kind !== 'foranstaltning' || !isRecord(document.data)) return [];
  const messages: SchemaMessage[] = [];
  const { id, alder, ramme } = document.data;
  const stem = measureIdOf(document.file);
  if (typeof id === 'string' && id !== stem) {
    messages.push({
      pointer: '/id',
      atKey: false,
      message: `Foranstaltningens id »${id}« er ikke det samme som filnavnet »${stem}«`,
      hint: 'Id og filnavn skal være ens, så foranstaltningen kan følges fra version til version. Ret id, eller omdøb filen.',
    });
  }
  if (isRecord(alder) && typeof alder['fra'] === 'number' && typeof alder['til'] === 'number' && alder['fra'] > alder['til']) {
    messages.push({
      pointer: '/alder/til',
      atKey: false,
      message: `Aldersspændet er bagvendt: »alder.fra« (${alder['fra']}) er større end »alder.til« (${alder['til']})`,
      hint: 'Skriv den laveste alder i »fra« og den højeste i »til«.',
    });
  }
  if (isRecord(ramme)) messages.push(...backwardFrameRanges(ramme));
  return messages;
}

/** The frame's ranges run forwards: `fra` ≤ `til` for scope and duration, and a duration's maximum is not below its `til`. */
function backwardFrameRanges(ramme: Record<string, unknown>): SchemaMessage[] {
  const messages: SchemaMessage[] = [];
  for (const [part, label] of [
    ['omfang', 'Omfanget'],
    ['varighed', 'Varigheden'],
  ] as const) {
    const range = ramme[part];
    if (!isRecord(range) || typeof range['fra'] !== 'number' || typeof range['til'] !== 'number' || range['fra'] <= range['til']) continue;
    messages.push({
      pointer: `/ramme/${part}/til`,
      atKey: false,
      message: `${label} i rammen er bagvendt: »ramme.${part}.fra« (${range['fra']}) er større end »ramme.${part}.til« (${range['til']})`,
      hint: 'Skriv den laveste værdi i »fra« og den højeste i »til«.',
    });
  }
  const duration = ramme['varighed'];
  if (isRecord(duration) && typeof duration['maks'] === 'number') {
    const highest = Math.max(...[duration['fra'], duration['til']].filter((value): value is number => typeof value === 'number'));
    if (duration['maks'] < highest) {
      messages.push({
        pointer: '/ramme/varighed/maks',
        atKey: false,
        message: `Den længste varighed »ramme.varighed.maks« (${duration['maks']}) er kortere end den typiske varighed (${highest} måneder)`,
        hint: 'Skriv den længste varighed i »maks«; den er mindst lige så lang som »til«.',
      });
    }
  }
  return messages;
}

/** Seed 004 expects every role to have a responsibility in every phase; an empty cell is worth a warning. */
function emptyPhases(document: PolicyDocument): SchemaMessage[] {
  const roles = isRecord(document.data) && Array.isArray(document.data['roller']) ? (document.data['roller'] as unknown[]) : [];
  const messages: SchemaMessage[] = [];
  roles.forEach((role, index) => {
    if (!isRecord(role)) return;
    for (const phase of rolePhaseFields()) {
      const items = role[phase.key];
      if (!Array.isArray(items) || items.length > 0) continue;
      messages.push({
        pointer: `/roller/${index}/${phase.key}`,
        atKey: true,
        severity: 'warning',
        message: `Fasen »${phase.heading}« for rollen »${String(role['rolle'])}« er tom`,
        hint: 'Skriv mindst ét punkt om rollens ansvar i fasen, så alle ved, hvem der gør hvad.',
      });
    }
  });
  return messages;
}
