/** Writes docs/reference.md from the schema: `npx tsx src/local/gen-reference.ts`. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateReference } from '../core/schema/reference';

const root = join(__dirname, '..', '..');
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'reference.md'), generateReference());
console.log('docs/reference.md written');
