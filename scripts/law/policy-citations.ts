import { readPolicies } from '../check/read-policies.js';
import { UsageError } from '../errors.js';
import { measureIdOf, POLICY_FOLDER, REGISTER_FILE_NAME } from '../layout.js';
import { measureData, registerData } from '../model/document-data.js';
import type { Lovregister } from '../model/generated-types.js';
import { citedProvisions, type CitedProvision } from './cited-provisions.js';
import { provisionsMeet, type LawProvision } from './provision-scope.js';

/** One measure and the provisions it cites. */
export interface MeasureCitations {
  id: string;
  titel?: string;
  /** Relative to the working directory. */
  file: string;
  provisions: CitedProvision[];
}

/** The register and every measure's citations: what `law` reads of the policies. */
export interface PolicyCitations {
  register: Lovregister;
  measures: MeasureCitations[];
}

/** Reads policies/ under the working directory; a missing or invalid register is a usage error, as nothing can be named without it. */
export function readPolicyCitations(cwd: string): PolicyCitations {
  const { files, context } = readPolicies([], cwd);
  const documents = [...files.filter((file) => !file.broken).flatMap((file) => file.document ?? []), ...context];
  const register = documents.map(registerData).find((data) => data !== undefined);
  if (!register) {
    throw new UsageError(
      `Lovregistret ${POLICY_FOLDER}/${REGISTER_FILE_NAME} findes ikke eller er ugyldigt`,
      `Kør »serviceniveau check ${POLICY_FOLDER}/${REGISTER_FILE_NAME}« for at se, hvad der er galt.`,
    );
  }
  const measures = documents
    .filter((document) => document.kind === 'foranstaltning')
    .map((document): MeasureCitations => {
      const titel = measureData(document)?.titel;
      return {
        id: measureIdOf(document.file),
        ...(typeof titel === 'string' ? { titel } : {}),
        file: document.file,
        provisions: citedProvisions(document, register),
      };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { register, measures };
}

/** A measure that cites a provision, with the citations that meet it. */
export interface CitingMeasure {
  id: string;
  titel?: string;
  file: string;
  citations: CitedProvision[];
}

/** The measures citing the provision, or a part of it, or a whole it is part of (»§ 32« and »§ 32, stk. 1, nr. 2« meet). */
export function measuresCiting(measures: readonly MeasureCitations[], provision: LawProvision): CitingMeasure[] {
  return measures.flatMap((measure) => {
    const citations = measure.provisions.filter((cited) => provisionsMeet(cited, provision));
    if (citations.length === 0) return [];
    return [{ id: measure.id, ...(measure.titel !== undefined ? { titel: measure.titel } : {}), file: measure.file, citations }];
  });
}
