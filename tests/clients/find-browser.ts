import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium-based browsers by the names Debian, Ubuntu and Google ship them under, in the order they are tried. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/**
 * A Chromium-based browser to drive: CHROMIUM_PATH if it is set, else the first of BROWSER_NAMES on PATH, else
 * undefined. PATH is searched rather than fixed paths, so /usr/bin, /usr/local/bin and /snap/bin are all found.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['CHROMIUM_PATH'];
  if (given) return existsSync(given) ? given : undefined;
  const folders = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of BROWSER_NAMES) for (const folder of folders) if (isExecutable(join(folder, name))) return join(folder, name);
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What to say when no browser is found: where it looked, and the one command that installs one. */
export function missingBrowserMessage(env: NodeJS.ProcessEnv = process.env): string {
  const looked = env['CHROMIUM_PATH'] ? `CHROMIUM_PATH=${env['CHROMIUM_PATH']}` : `${BROWSER_NAMES.join(', ')} on PATH`;
  return `No Chromium-based browser found (looked for ${looked}). Install one with \`sudo apt-get install -y chromium fonts-dejavu-core\` (CI installs it in .ci/run), or set CHROMIUM_PATH. This test proves the committee documents run no script and must not be skipped.`;
}
