/*
 * The regex audit, automated: every regular-expression literal in scripts/ is analysed with scslre (the
 * analysis behind eslint-plugin-regexp's no-super-linear-backtracking and no-super-linear-move). A new
 * pattern that can backtrack polynomially or exponentially fails here, before a pasted paragraph hangs CI.
 * Patterns built at run time (the law names, skoen-under-regel's phrases) are covered by pathological.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyse } from 'scslre';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { backtrackingProblem } from '../../scripts/config/regex-safety.js';
import { RULES } from '../../scripts/rules/registry.js';
import { REPO_ROOT } from '../helpers.js';

/**
 * Patterns that scan on from every start (»Move«: quadratic in the longest run they can read), each on input
 * that cannot be long, with the reason.
 */
const SHORT_INPUT_ONLY: Record<string, string> = {
  'scripts/commands/new-measure.ts /^-+|-+$/g': 'a slug whose runs of »-« were just collapsed to one',
  'scripts/github/pr-comment.ts /\\/+$/': 'the GitHub API address from the environment',
  'scripts/revision/present/format.ts /\\B(?=(\\d{3})+(?!\\d))/g': 'a count formatted with thousands separators',
  'scripts/rules/personoplysninger.ts /[.-]+$/': 'the domain of a matched e-mail address, at most 253 characters',
  'scripts/tools/bench.ts /(\\d+)-(\\d+) timer/': 'the example measures, when the benchmark builds its repository',
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.startsWith('generated-') ? [path] : [];
  });
}

interface Literal {
  where: string;
  key: string;
  source: string;
  flags: string;
}

function regexLiterals(): Literal[] {
  const literals: Literal[] = [];
  for (const path of sourceFiles(join(REPO_ROOT, 'scripts'))) {
    const file = relative(REPO_ROOT, path);
    const tree = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(tree);
        const slash = text.lastIndexOf('/');
        const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
        literals.push({ where: `${file}:${line}`, key: `${file} ${text}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return literals;
}

describe('regex audit', () => {
  const literals = regexLiterals();

  it('finds the literals (the walk itself works)', () => {
    expect(literals.length).toBeGreaterThan(150);
    expect(literals.map((literal) => literal.key)).toContain('scripts/commands/new-measure.ts /^-+|-+$/g');
  });

  it('no literal backtracks polynomially or exponentially, and only listed ones scan on from every start', () => {
    const problems = literals.flatMap((literal) =>
      analyse({ source: literal.source, flags: literal.flags })
        .reports.filter((report) => report.type !== 'Move' || !(literal.key in SHORT_INPUT_ONLY))
        .map((report) => `${literal.where} /${literal.source}/${literal.flags}: ${report.type}${report.exponential ? ' (exponential)' : ''}`),
    );
    expect(problems).toEqual([]);
  });

  it('lists no pattern that is gone or has become safe', () => {
    const moving = new Set(
      literals.filter((literal) => analyse({ source: literal.source, flags: literal.flags }).reports.length > 0).map((literal) => literal.key),
    );
    expect(Object.keys(SHORT_INPUT_ONLY).filter((key) => !moving.has(key))).toEqual([]);
  });

  it('would catch the kind of pattern it is there for', () => {
    expect(analyse({ source: String.raw`^(\s*)([\s\S]*?)(\s*)$`, flags: '' }).reports.map((report) => report.type)).toContain('Trade');
    expect(analyse({ source: String.raw`\s*\n\s*`, flags: '' }).reports.map((report) => report.type)).toContain('Move');
  });

  it('the rules’ default option patterns pass the same check as patterns from a config', () => {
    const defaults = RULES.flatMap((rule) =>
      Object.values(rule.defaultOptions as Record<string, unknown>)
        .filter((value): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'))
        .flat(),
    );
    expect(defaults.length).toBeGreaterThan(4);
    expect(defaults.filter((source) => backtrackingProblem(new RegExp(source, 'u')) !== undefined)).toEqual([]);
  });
});
