// core/host and core/memoryHost: plan files are opened only as regular files inside their folder,
// the time limit stops work between files, and the in-memory host answers as the real one does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost, TimeLimitReached, withTimeLimit, type Host } from '../../src/core/host.js';
import { memoryHost } from '../../src/core/memoryHost.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import { resolveInPlan } from '../../src/load/planPaths.js';

const PLAN = `id: liten
version: "1.0"
kind: kommunedelplan
language: nn
title: Ein liten plan
kommune: { name: Testvik kommune, nummer: "0301" }
period: { from: 2024, to: 2030 }
chapters: [kapittel/a.yaml]
variants:
  utkast: { date: 2024-03-01 }
`;
const CHAPTER = `id: a
title: Innleiing
blocks:
  - p: Planen er liten, men heil.
`;

const check = (host: Host, dir: string) => {
  const sink = new DiagnosticSink();
  const checked = checkPlan(host, dir, undefined, sink);
  return { checked, sink, lines: sink.items.map((d) => `${d.span.file}:${d.span.line}:${d.span.col} ${d.code}`) };
};

describe('the in-memory host', () => {
  it('loads and checks a small plan from memory, with no file on disk', () => {
    const host = memoryHost({ '/plans/liten/plan.yaml': PLAN, '/plans/liten/kapittel/a.yaml': CHAPTER }, { cwd: '/plans' });
    const { checked, lines } = check(host, 'liten');
    expect(lines).toEqual([]);
    expect(checked?.doc.meta.title).toBe('Ein liten plan');
    expect(checked?.sources.files.map((f) => f.display)).toEqual(['liten/plan.yaml', 'liten/kapittel/a.yaml']);
  });

  it('reports folders, FIFOs, devices, links out and link circles for what they are', () => {
    const plan = PLAN.replace('chapters: [kapittel/a.yaml]', 'chapters: [kapittel/dir.yaml, kapittel/fifo.yaml, kapittel/dev.yaml, kapittel/out.yaml, kapittel/loop.yaml, kapittel/locked.yaml, kapittel/none.yaml]');
    const host = memoryHost(
      {
        '/p/liten/plan.yaml': plan,
        '/p/liten/kapittel/dir.yaml': { folder: true },
        '/p/liten/kapittel/fifo.yaml': { special: 'fifo' },
        '/p/liten/kapittel/dev.yaml': { special: 'device' },
        '/p/liten/kapittel/out.yaml': { link: '/etc/secret.yaml' },
        '/etc/secret.yaml': 'secret: 1\n',
        '/p/liten/kapittel/loop.yaml': { link: 'loop.yaml' },
        '/p/liten/kapittel/locked.yaml': { unreadable: 'permission denied' },
      },
      { cwd: '/p' },
    );
    const { sink, lines } = check(host, 'liten');
    expect(lines).toEqual([
      'liten/plan.yaml:8:12 load/not-a-file',
      'liten/plan.yaml:8:31 load/not-a-file',
      'liten/plan.yaml:8:51 load/not-a-file',
      'liten/plan.yaml:8:70 load/path-outside',
      'liten/plan.yaml:8:89 load/unreadable',
      // It is a file, but opening it fails: reported at the file itself.
      'liten/kapittel/locked.yaml:1:1 load/unreadable',
      'liten/plan.yaml:8:131 load/file-missing',
    ]);
    expect(sink.items.map((d) => d.message).slice(0, 3)).toEqual([
      "'kapittel/dir.yaml' is a folder, not a file",
      "'kapittel/fifo.yaml' is a named pipe (FIFO), not a file",
      "'kapittel/dev.yaml' is a device, not a file",
    ]);
    expect(sink.items[4]?.message).toBe("'kapittel/loop.yaml' cannot be read: its symbolic links lead round in a circle");
  });

  it('keeps the text it read for code frames, and nothing it refused', () => {
    const host = memoryHost({ '/p/liten/plan.yaml': { link: '/etc/secret.yaml' }, '/etc/secret.yaml': 'SECRET: 1\n' }, { cwd: '/p' });
    const { sink, lines } = check(host, 'liten');
    expect(lines).toEqual(['liten/plan.yaml:1:1 load/path-outside']);
    expect(sink.sourceOf('liten/plan.yaml')).toBeUndefined();
    const ok = check(memoryHost({ '/p/liten/plan.yaml': PLAN, '/p/liten/kapittel/a.yaml': CHAPTER }, { cwd: '/p' }), 'liten');
    expect(ok.sink.sourceOf('liten/kapittel/a.yaml')).toBe(CHAPTER);
  });

  it('stops between files once the time limit has passed', () => {
    let now = 0;
    const base = memoryHost({ '/p/liten/plan.yaml': PLAN, '/p/liten/kapittel/a.yaml': CHAPTER }, { cwd: '/p' });
    const host = withTimeLimit(base, 1, () => now);
    const reads: string[] = [];
    const counting: Host = { ...host, readFile: (p, limit) => (reads.push(p), (now += 600), host.readFile(p, limit)) };
    expect(() => checkPlan(counting, 'liten', undefined, new DiagnosticSink())).toThrow(TimeLimitReached);
    // plan.yaml was read at 0 ms; the chapter's read found 1200 ms gone and stopped before reading.
    expect(reads).toEqual(['/p/liten/plan.yaml', '/p/liten/kapittel/a.yaml']);
    expect(() => withTimeLimit(base, 1, () => 0).checkTime()).not.toThrow();
  });
});

describe('the real host reads only regular files', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-host-')));
  fs.writeFileSync(path.join(dir, 'a.yaml'), 'a: 1\n');
  fs.writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(5000));
  fs.mkdirSync(path.join(dir, 'folder.yaml'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  fs.symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'link.yaml'));
  fs.symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));

  it('reads a file, and refuses a FIFO, a folder, a device, a link and a file over the limit — without waiting', () => {
    const t0 = performance.now();
    expect(nodeHost.readFile(path.join(dir, 'a.yaml'), 100)).toEqual({ ok: true, bytes: Buffer.from('a: 1\n') });
    expect(nodeHost.readFile(path.join(dir, 'pipe.yaml'), 100)).toEqual({ ok: false, reason: 'not-a-file', kind: 'fifo' });
    expect(nodeHost.readFile(path.join(dir, 'folder.yaml'), 100)).toEqual({ ok: false, reason: 'not-a-file', kind: 'directory' });
    expect(nodeHost.readFile('/dev/zero', 100)).toEqual({ ok: false, reason: 'not-a-file', kind: 'device' });
    expect(nodeHost.readFile(path.join(dir, 'link.yaml'), 100)).toEqual({ ok: false, reason: 'link' });
    expect(nodeHost.readFile(path.join(dir, 'big.yaml'), 4096)).toEqual({ ok: false, reason: 'too-large', size: 5000 });
    expect(nodeHost.readFile(path.join(dir, 'none.yaml'), 100)).toEqual({ ok: false, reason: 'missing' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('resolves plan paths to what they are, as the memory host does', () => {
    const mem = memoryHost({ [`${dir}/a.yaml`]: 'a: 1\n', [`${dir}/folder.yaml`]: { folder: true }, [`${dir}/pipe.yaml`]: { special: 'fifo' }, [`${dir}/loop.yaml`]: { link: 'loop.yaml' } });
    for (const host of [nodeHost, mem]) {
      expect(resolveInPlan(host, dir, 'a.yaml')).toEqual({ ok: true, absPath: path.join(dir, 'a.yaml') });
      expect(resolveInPlan(host, dir, 'folder.yaml')).toEqual({ ok: false, reason: 'not-a-file', kind: 'directory' });
      expect(resolveInPlan(host, dir, 'pipe.yaml')).toEqual({ ok: false, reason: 'not-a-file', kind: 'fifo' });
      expect(resolveInPlan(host, dir, 'loop.yaml')).toMatchObject({ ok: false, reason: 'unreadable' });
      expect(resolveInPlan(host, dir, 'none.yaml')).toEqual({ ok: false, reason: 'missing' });
    }
  });
});
