import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers.js';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Keys of `map` that are not in `allowed`. */
function unknownKeys(map: YamlMap, allowed: readonly string[]): string[] {
  return Object.keys(map).filter((key) => !allowed.includes(key));
}

// ---------------------------------------------------------------------------------------------
// CODEOWNERS
// ---------------------------------------------------------------------------------------------

interface OwnerRule {
  line: number;
  pattern: string;
  owners: string[];
}

const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;
const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The rules of a CODEOWNERS file, and every line GitHub would reject (which disables the whole file). */
function parseCodeowners(text: string): { rules: OwnerRule[]; problems: string[] } {
  const rules: OwnerRule[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [pattern = '', ...owners] = trimmed.split(/\s+/);
    if (pattern.startsWith('!')) problems.push(`line ${line}: negated pattern »${pattern}« is not supported`);
    if (/[[\]]/.test(pattern)) problems.push(`line ${line}: character ranges in »${pattern}« are not supported`);
    if (pattern.startsWith('\\#')) problems.push(`line ${line}: an escaped # in »${pattern}« is not supported`);
    if (owners.length === 0) problems.push(`line ${line}: »${pattern}« has no owner`);
    for (const owner of owners) {
      if (!TEAM.test(owner) && !USER.test(owner) && !EMAIL.test(owner)) {
        problems.push(`line ${line}: »${owner}« is not @org/team, @user or an e-mail address`);
      }
    }
    rules.push({ line, pattern, owners });
  });
  return { rules, problems };
}

/** A CODEOWNERS pattern (gitignore rules with GitHub's exceptions) as a regular expression on repository paths. */
function patternToRegExp(pattern: string): RegExp {
  const directoryOnly = pattern.endsWith('/');
  const body = pattern.replace(/^\//, '').replace(/\/$/, '');
  const anchored = pattern.startsWith('/') || body.includes('/');
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char === '*' && body[i + 1] === '*') {
      source += body[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += body[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  const lastSegment = body.split('/').at(-1) ?? '';
  // GitHub: `docs/*` matches files directly in docs/, not nested ones; `docs/` and `docs` match everything below.
  const singleStarGlob = lastSegment.includes('*') && !lastSegment.includes('**');
  const suffix = directoryOnly ? '/.*$' : singleStarGlob ? '$' : '(?:/.*)?$';
  return new RegExp((anchored ? '^' : '^(?:.*/)?') + source + suffix);
}

/** The owners GitHub requests for `path`: the last matching rule wins. */
function ownersOf(rules: readonly OwnerRule[], path: string): string[] {
  let owners: string[] = [];
  for (const rule of rules) if (patternToRegExp(rule.pattern).test(path)) owners = rule.owners;
  return [...owners].sort();
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', 'dist', 'coverage']);

/** Every file under `folder` (relative to the repository), as repository paths with forward slashes. */
function filesUnder(folder: string): string[] {
  const absolute = join(REPO_ROOT, folder);
  if (!existsSync(absolute)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...filesUnder(path));
    } else {
      files.push(path);
    }
  }
  return files;
}

const POLICY_FOLDER = 'policies';
const LAW_REGISTER = 'policies/lovregister.json';
const TOOLING_FOLDERS = ['scripts', 'schemas', 'tests', '.github', '.ci'];
const TOOLING_FILES = ['package.json', 'package-lock.json'];

describe('CODEOWNERS', () => {
  const text = read('.github/CODEOWNERS');
  const { rules, problems } = parseCodeowners(text);

  it('has only comments, blank lines and lines of a path pattern followed by @org/team, @user or e-mail owners', () => {
    expect(problems).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('accepts the documented owner forms and rejects an inline comment, a missing owner and a negation', () => {
    const sample = ['# kommentar', '', '/a/ @org/team-1 @user docs@example.com', '/b/ @org/team # kommentar', '/c/', '!/d/ @org/team'].join('\n');
    expect(parseCodeowners(sample).problems).toEqual([
      'line 4: »#« is not @org/team, @user or an e-mail address',
      'line 4: »kommentar« is not @org/team, @user or an e-mail address',
      'line 5: »/c/« has no owner',
      'line 6: negated pattern »!/d/« is not supported',
    ]);
  });

  it('matches patterns the way GitHub documents them', () => {
    const sample = parseCodeowners(
      ['* @org/all', '/docs/* @org/docs', 'apps/ @org/apps', '/policies/ @org/p', '/policies/lovregister.json @org/p @org/law'].join('\n'),
    ).rules;
    expect(ownersOf(sample, 'README.md')).toEqual(['@org/all']);
    expect(ownersOf(sample, 'docs/a.md')).toEqual(['@org/docs']);
    expect(ownersOf(sample, 'docs/rules/a.md')).toEqual(['@org/all']);
    expect(ownersOf(sample, 'src/apps/x.ts')).toEqual(['@org/apps']);
    expect(ownersOf(sample, 'policies/omraade/foranstaltninger/x.md')).toEqual(['@org/p']);
    expect(ownersOf(sample, 'policies/lovregister.json')).toEqual(['@org/law', '@org/p']);
    expect(ownersOf(sample, 'tests/policies/x.md')).toEqual(['@org/all']);
  });

  it('is the only CODEOWNERS file, since GitHub reads just one', () => {
    expect(existsSync(join(REPO_ROOT, 'CODEOWNERS'))).toBe(false);
    expect(existsSync(join(REPO_ROOT, 'docs/CODEOWNERS'))).toBe(false);
  });

  it('gives every file in the repository an owner', () => {
    const unowned = filesUnder('').filter((path) => ownersOf(rules, path).length === 0);
    expect(unowned).toEqual([]);
  });

  it('has the policy owners review every policy file, and a further (legal) owner the law register', () => {
    const policyFiles = filesUnder(POLICY_FOLDER).filter((path) => path !== LAW_REGISTER);
    expect(policyFiles.length).toBeGreaterThan(0);
    const policyOwners = ownersOf(rules, `${POLICY_FOLDER}/omraade/foranstaltninger/ny.md`);
    expect(policyOwners.length).toBeGreaterThan(0);
    for (const path of policyFiles) expect([path, ownersOf(rules, path)]).toEqual([path, policyOwners]);
    const registerOwners = ownersOf(rules, LAW_REGISTER);
    expect(registerOwners.filter((owner) => !policyOwners.includes(owner)).length).toBeGreaterThan(0);
  });

  it('has the tech owners, not the policy owners, review all tooling', () => {
    const toolingFiles = [...TOOLING_FOLDERS.flatMap((folder) => filesUnder(folder)), ...TOOLING_FILES];
    for (const folder of TOOLING_FOLDERS) expect(filesUnder(folder).length, folder).toBeGreaterThan(0);
    const techOwners = ownersOf(rules, 'scripts/cli.ts');
    expect(techOwners.length).toBeGreaterThan(0);
    expect(techOwners).not.toEqual(ownersOf(rules, `${POLICY_FOLDER}/omraade/serviceniveau.md`));
    for (const path of toolingFiles) expect([path, ownersOf(rules, path)]).toEqual([path, techOwners]);
    expect(ownersOf(rules, '.github/CODEOWNERS')).toEqual(techOwners);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue form and template chooser
// ---------------------------------------------------------------------------------------------

const FORM_TOP_LEVEL_KEYS = ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body'];
const ELEMENT_KEYS = ['type', 'id', 'attributes', 'validations'];
const ATTRIBUTES: Record<string, readonly string[]> = {
  markdown: ['value'],
  input: ['label', 'description', 'placeholder', 'value'],
  textarea: ['label', 'description', 'placeholder', 'value', 'render'],
  dropdown: ['label', 'description', 'multiple', 'options', 'default'],
  checkboxes: ['label', 'description', 'options'],
};

/** Everything GitHub's form schema would reject in `form`, as readable messages. */
function issueFormProblems(form: unknown): string[] {
  if (!isMap(form)) return ['the form is not a YAML mapping'];
  const problems: string[] = [];
  for (const key of unknownKeys(form, FORM_TOP_LEVEL_KEYS)) problems.push(`top level: »${key}« is not a permitted key`);
  for (const key of ['name', 'description']) if (!isNonEmptyString(form[key])) problems.push(`top level: »${key}« must be a non-empty string`);
  const body = form.body;
  if (!Array.isArray(body) || body.length === 0) return [...problems, 'body must be a non-empty list'];
  const ids = new Set<string>();
  const labels = new Set<string>();
  const addLabel = (where: string, label: string) => {
    const key = label.trim().toLowerCase();
    if (labels.has(key)) problems.push(`${where}: label »${label}« is not unique`);
    labels.add(key);
  };
  body.forEach((element: unknown, index) => {
    const where = `body[${index}]`;
    if (!isMap(element)) return void problems.push(`${where}: not a mapping`);
    for (const key of unknownKeys(element, ELEMENT_KEYS)) problems.push(`${where}: »${key}« is not a permitted key`);
    const type = element.type;
    const allowedAttributes = typeof type === 'string' ? ATTRIBUTES[type] : undefined;
    if (!allowedAttributes) return void problems.push(`${where}: »${String(type)}« is not a valid type`);
    const attributes = element.attributes;
    if (!isMap(attributes)) return void problems.push(`${where}: attributes are missing`);
    for (const key of unknownKeys(attributes, allowedAttributes)) problems.push(`${where}: »${String(key)}« is not a permitted attribute of ${String(type)}`);
    if (type === 'markdown') {
      if ('id' in element) problems.push(`${where}: markdown takes no id`);
      if (!isNonEmptyString(attributes.value)) problems.push(`${where}: markdown needs a value`);
      return;
    }
    if (typeof element.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(element.id)) problems.push(`${where}: id must contain only letters, digits, - and _`);
    else if (ids.has(element.id)) problems.push(`${where}: id »${element.id}« is not unique`);
    else ids.add(element.id);
    if (!isNonEmptyString(attributes.label)) problems.push(`${where}: label must be a non-empty string`);
    else addLabel(where, attributes.label);
    const validations = element.validations;
    if (validations !== undefined) {
      if (!isMap(validations)) problems.push(`${where}: validations must be a mapping`);
      else {
        for (const key of unknownKeys(validations, ['required'])) problems.push(`${where}: »${key}« is not a permitted validation`);
        if ('required' in validations && typeof validations.required !== 'boolean') problems.push(`${where}: required must be true or false`);
      }
    }
    if (type === 'dropdown') {
      const options = attributes.options;
      if (!Array.isArray(options) || options.length === 0) return void problems.push(`${where}: options must be a non-empty list`);
      if (!options.every(isNonEmptyString)) problems.push(`${where}: every option must be a string (quote yes/no/true/false)`);
      if (new Set(options).size !== options.length) problems.push(`${where}: options must be unique`);
      if (options.some((option) => String(option).trim().toLowerCase() === 'none')) problems.push(`${where}: »None« is reserved`);
    }
    if (type === 'checkboxes') {
      const options = attributes.options;
      if (!Array.isArray(options) || options.length === 0) return void problems.push(`${where}: options must be a non-empty list`);
      options.forEach((option: unknown, optionIndex) => {
        if (!isMap(option) || !isNonEmptyString(option.label)) return void problems.push(`${where}.options[${optionIndex}]: needs a label`);
        for (const key of unknownKeys(option, ['label', 'required'])) problems.push(`${where}.options[${optionIndex}]: »${key}« is not permitted`);
        addLabel(`${where}.options[${optionIndex}]`, option.label);
      });
    }
  });
  if (body.every((element) => isMap(element) && element.type === 'markdown')) problems.push('body must contain at least one non-markdown field');
  return problems;
}

describe('the issue form »Forslag til ændring af serviceniveau«', () => {
  const form: unknown = parse(read('.github/ISSUE_TEMPLATE/forslag-til-aendring.yml'));
  const body = isMap(form) && Array.isArray(form.body) ? (form.body as unknown[]).filter(isMap) : [];

  it('parses as YAML with a name, a description and a body GitHub accepts', () => {
    expect(issueFormProblems(form)).toEqual([]);
    expect(isMap(form) && form.name).toBe('Forslag til ændring af serviceniveau');
  });

  it('rejects the validation errors GitHub documents', () => {
    expect(
      issueFormProblems({
        name: 'x',
        description: 'x',
        body: [
          { type: 'markdown', id: 'intro', attributes: { value: 'x' } },
          { type: 'input', id: 'a b', attributes: { label: 'Navn' } },
          { type: 'textarea', id: 'c', attributes: { label: 'navn' } },
          { type: 'dropdown', id: 'c', attributes: { label: 'Valg', options: ['Ja', 'None', 'Ja', true] } },
          { type: 'select', attributes: {} },
        ],
      }),
    ).toEqual([
      'body[0]: markdown takes no id',
      'body[1]: id must contain only letters, digits, - and _',
      'body[2]: label »navn« is not unique',
      'body[3]: id »c« is not unique',
      'body[3]: every option must be a string (quote yes/no/true/false)',
      'body[3]: options must be unique',
      'body[3]: »None« is reserved',
      'body[4]: »select« is not a valid type',
    ]);
  });

  it('requires an answer to at least one textarea, »Hvad skal ændres, og hvorfor?«', () => {
    const required = body.filter((element) => element.type === 'textarea' && isMap(element.validations) && element.validations.required === true);
    expect(required.length).toBeGreaterThan(0);
    expect(required.map((element) => isMap(element.attributes) && element.attributes.label)).toContain('Hvad skal ændres, og hvorfor?');
  });

  it('warns against CPR numbers and names of children, and asks the proposer to confirm there are none', () => {
    const intro = body.find((element) => element.type === 'markdown');
    expect(isMap(intro?.attributes) ? String(intro.attributes.value) : '').toMatch(/CPR-numre[\s\S]*navne på børn/);
    const confirmation = body.find((element) => element.type === 'checkboxes');
    const options = isMap(confirmation?.attributes) && Array.isArray(confirmation.attributes.options) ? confirmation.attributes.options : [];
    expect(options).toContainEqual(expect.objectContaining({ required: true, label: expect.stringMatching(/ingen CPR-numre/) as string }));
  });
});

describe('the issue template chooser', () => {
  it('parses as YAML and decides explicitly whether blank issues are allowed', () => {
    const config: unknown = parse(read('.github/ISSUE_TEMPLATE/config.yml'));
    expect(isMap(config)).toBe(true);
    if (!isMap(config)) return;
    expect(unknownKeys(config, ['blank_issues_enabled', 'contact_links'])).toEqual([]);
    expect(typeof config.blank_issues_enabled).toBe('boolean');
    for (const link of (config.contact_links as unknown[] | undefined) ?? []) {
      expect(link).toEqual({ name: expect.any(String) as string, url: expect.stringMatching(/^https:\/\//) as string, about: expect.any(String) as string });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Pull request template
// ---------------------------------------------------------------------------------------------

describe('the pull request template', () => {
  const template = read('.github/PULL_REQUEST_TEMPLATE.md');

  it('asks what changes and why, for the revision round, the consultation and the date it applies from', () => {
    for (const heading of ['Hvad ændres, og hvorfor?', 'Revisionsrunde', 'Høring', 'Gyldig fra', 'Tjekliste']) {
      expect(template).toMatch(new RegExp(`^## ${heading.replace(/[?]/g, '\\?')}$`, 'm'));
    }
    expect(template).toContain('vedtaget/');
  });

  it('offers the three consultation states as checkboxes', () => {
    for (const state of ['Høring ikke nødvendig', 'Sendt i høring', 'Høringssvar indarbejdet']) {
      expect(template).toMatch(new RegExp(`^- \\[ \\] ${state}`, 'm'));
    }
  });

  it('has the policy officer confirm a green check, the individual assessment, the legal basis and no personal data', () => {
    const checklist = template.split(/^## Tjekliste$/m)[1]?.split(/^## /m)[0] ?? '';
    for (const item of [/Kontrollen er grøn/, /individuel vurdering/, /Lovhjemlen er tjekket/, /Ingen personoplysninger/]) {
      expect(checklist).toMatch(new RegExp(`^- \\[ \\] .*${item.source}`, 'm'));
    }
  });

  it('says where the changelog is shown: the comment on the pull request and the job summary', () => {
    expect(template).toMatch(/kommentar på denne pull\s+request/);
    expect(template).toContain('**Summary**');
  });
});

// ---------------------------------------------------------------------------------------------
// docs/branch-protection.md against the workflows
// ---------------------------------------------------------------------------------------------

interface WorkflowJob {
  id: string;
  checkName: string;
}

/** The status checks a workflow reports: one per job, named by the job's `name` (or its id when it has none or an expression). */
function workflowJobs(workflow: unknown): WorkflowJob[] {
  const jobs = isMap(workflow) && isMap(workflow.jobs) ? workflow.jobs : {};
  return Object.entries(jobs).map(([id, job]) => {
    const name = isMap(job) ? job.name : undefined;
    return { id, checkName: isNonEmptyString(name) && !name.includes('${{') ? name : id };
  });
}

/** The rows »| `check` | `job` | …« of the table under the heading »Påkrævede statuskontroller«. */
function documentedChecks(markdown: string): WorkflowJob[] {
  const section = markdown.split(/^#{2,4} Påkrævede statuskontroller$/m)[1]?.split(/^#{1,4} /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/gm)].map((match) => ({ checkName: match[1] ?? '', id: match[2] ?? '' }));
}

const byId = (a: WorkflowJob, b: WorkflowJob) => a.id.localeCompare(b.id);

describe('docs/branch-protection.md', () => {
  const doc = read('docs/branch-protection.md');
  const checkWorkflow: unknown = parse(read('.github/workflows/check.yml'));
  const workflowFiles = readdirSync(join(REPO_ROOT, '.github/workflows')).filter((file) => /\.ya?ml$/.test(file));

  it('lists exactly the jobs of .github/workflows/check.yml as required status checks, by the names GitHub shows', () => {
    const jobs = workflowJobs(checkWorkflow);
    expect(jobs.length).toBeGreaterThan(0);
    expect(documentedChecks(doc).sort(byId)).toEqual(jobs.sort(byId));
  });

  it('names the check workflow as it appears on a pull request', () => {
    const name = isMap(checkWorkflow) ? checkWorkflow.name : undefined;
    expect(isNonEmptyString(name)).toBe(true);
    expect(doc).toContain(`\`${String(name)}\``);
  });

  it('protects the tag pattern that starts the adoption workflow', () => {
    const patterns = workflowFiles.flatMap((file) => {
      const workflow: unknown = parse(read(`.github/workflows/${file}`));
      const on = isMap(workflow) ? workflow.on : undefined;
      const push = isMap(on) ? on.push : undefined;
      return isMap(push) && Array.isArray(push.tags) ? push.tags.map(String) : [];
    });
    for (const pattern of new Set(['vedtaget/*', ...patterns])) expect(doc).toContain(`\`${pattern}\``);
  });

  it('is right that the workflows need no secrets beyond the automatic token', () => {
    expect(doc).toMatch(/ingen hemmeligheder/i);
    for (const file of workflowFiles) {
      const used = [...read(`.github/workflows/${file}`).matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);
      expect([file, used.filter((name) => name !== 'GITHUB_TOKEN')]).toEqual([file, []]);
    }
  });

  it('turns on each protection, with one line on what it protects against', () => {
    for (const rule of [
      'Require a pull request before merging',
      'Require review from Code Owners',
      'Dismiss stale pull request approvals when new commits are pushed',
      'Require status checks to pass',
      'Block force pushes',
      'Restrict deletions',
      'Require linear history',
      'Restrict creations',
    ]) {
      expect(doc).toMatch(new RegExp(`\\*\\*${rule}\\*\\*[^\\n]*\\n(?:[^\\n]*\\n)?\\s*Beskytter mod`));
    }
  });
});
