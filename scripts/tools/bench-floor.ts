import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';

// The floor for reading Markdown policies: read every file under a folder and run only remark-parse and yaml.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let count = 0;
const walk = (folder: string): void => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) {
      const text = readFileSync(path, 'utf8');
      const tree = parser.parse(text);
      const first = tree.children[0];
      if (first?.type === 'yaml') parseDocument(first.value);
      count++;
    } else if (entry.name.endsWith('.json')) {
      JSON.parse(readFileSync(path, 'utf8'));
      count++;
    }
  }
};
walk(process.argv[2] ?? 'policies');
process.stderr.write(`${count} files\n`);
