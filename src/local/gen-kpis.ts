/** Writes docs/kpis.md from the measure declarations: `npx tsx src/local/gen-kpis.ts`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKpiDoc } from '../core/dashboard/docs';

const root = join(__dirname, '..', '..');
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'kpis.md'), generateKpiDoc());
console.log('docs/kpis.md written');
