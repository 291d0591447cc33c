// Regenerates the error-code table in README.md from the catalogue (src/core/catalogue.ts).
// Run after `npm run build`: node scripts/error-codes.mjs
import * as fs from 'node:fs';
import { catalogue } from '../dist/core/catalogue.js';

// Optional arguments are left out of the sample, so each row shows the message and hint of the plain case.
const OPTIONAL = new Set(['suggestion', 'diagnosis', 'builtBy']);
const sample = new Proxy({}, { get: (_t, k) => (OPTIONAL.has(k) ? undefined : `‹${String(k)}›`) });
const rows = Object.entries(catalogue).map(([code, e]) => {
  const hint = typeof e.hint === 'function' ? e.hint(sample) : e.hint ?? '';
  return `| \`${code}\` | ${e.severity} | ${e.message(sample).replace(/\|/g, '\\|')} | ${hint.replace(/\|/g, '\\|')} |`;
});
const table = ['| code | severity | message | hint |', '|---|---|---|---|', ...rows].join('\n');
const readme = fs.readFileSync('README.md', 'utf8');
const start = '<!-- error-codes:start -->';
const end = '<!-- error-codes:end -->';
const next = readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`);
fs.writeFileSync('README.md', next);
console.log(`README.md: ${rows.length} error codes`);
