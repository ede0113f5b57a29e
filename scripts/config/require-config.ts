import { UsageError } from '../errors.js';
import { loadConfig, type ResolvedConfig } from './load-config.js';

/**
 * The config for commands that print documents rather than findings (changelog, rounds): the same file
 * `check` reads, or a usage error (exit 2) at its first problem, with file, line and column.
 */
export function requireConfig(path: string | undefined, cwd: string): ResolvedConfig {
  const result = loadConfig(path, cwd);
  if (result.ok) return result.config;
  const [first] = result.findings;
  const where = first ? `${first.file}:${first.start.line}:${first.start.column}: ` : '';
  throw new UsageError(
    `Konfigurationen kan ikke bruges: ${where}${first?.message ?? 'ukendt fejl'}`,
    `${first?.hint ?? ''} Kør »npx serviceniveau check« for alle fejl i den.`.trim(),
  );
}
