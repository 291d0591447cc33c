// End to end: the command keeps the words it shaped in the cache folder (src/emit/shapedWordStore.ts)
// and takes them from there in the next build; the PDFs are the same byte for byte with the cache
// off, empty, filled or damaged, and a cache folder that cannot be used is no error.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/planCopy.js';

const REPO = path.resolve(__dirname, '..', '..');

function build(cache: string, out: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'build', path.join(FIXTURES, 'minimal'), '--variant', 'hoyring,vedtak', '--out', out], { env: { ...process.env, PLANTRYKK_CACHE_DIR: cache } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const pdfs = (out: string): Map<string, Buffer> => {
  const dir = path.join(out, 'minimal', '1.0');
  return new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
};

describe('the shaped-word cache', () => {
  it('is filled by a build and used by the next; the PDFs are the same with it off, empty, filled or damaged', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-cache-e2e-'));
    const cache = path.join(tmp, 'cache');
    const runs: Map<string, Buffer>[] = [];
    for (const [i, dir] of ['off', cache, cache].entries()) {
      const r = await build(dir, path.join(tmp, `out${i}`));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      runs.push(pdfs(path.join(tmp, `out${i}`)));
      if (i === 0) expect(fs.existsSync(cache)).toBe(false);
    }
    const [file] = fs.readdirSync(cache);
    expect(file).toMatch(/^shaped-words-[0-9a-f]{24}\.bin$/);
    const stored = fs.readFileSync(path.join(cache, file!));
    expect(stored.length).toBeGreaterThan(10_000);
    // Damaged: cut in the middle of a record and a byte changed near the start.
    const damaged = Buffer.from(stored.subarray(0, Math.floor(stored.length / 2) + 3));
    damaged[200]! ^= 0xff;
    fs.writeFileSync(path.join(cache, file!), damaged);
    const r = await build(cache, path.join(tmp, 'out3'));
    expect(r.code).toBe(0);
    runs.push(pdfs(path.join(tmp, 'out3')));
    for (const run of runs.slice(1)) {
      expect([...run.keys()]).toEqual([...runs[0]!.keys()]);
      for (const [name, bytes] of run) expect(bytes.equals(runs[0]!.get(name)!), name).toBe(true);
    }
    // The damaged file was replaced by a good one holding the words again.
    expect(fs.statSync(path.join(cache, file!)).size).toBeGreaterThan(stored.length / 2);
  });

  it('that cannot be created is no error', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-cache-e2e-'));
    const blocked = path.join(tmp, 'a-file');
    fs.writeFileSync(blocked, '');
    const r = await build(path.join(blocked, 'cache'), path.join(tmp, 'out'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
