import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

function start(env: Record<string, string>) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main.ts')], { cwd: mkdtempSync(join(tmpdir(), 'start-')), env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return { child, output: () => out };
}

describe('npm start', () => {
  it('creates, migrates and seeds the database in an empty folder and answers /healthz within 10 s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const t0 = Date.now();
    const { child } = start({ PORT: port, DATABASE_PATH: join(dir, 'review.sqlite') });
    try {
      let status = 0;
      while (Date.now() - t0 < 10_000 && status !== 200) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect(existsSync(join(dir, 'review.sqlite'))).toBe(true);
    } finally {
      child.kill();
    }
  });

  it('refuses to start on a broken questionnaire and lists its problems', async () => {
    const qdir = mkdtempSync(join(tmpdir(), 'qs-'));
    writeFileSync(join(qdir, 'broken.json'), JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { a: { type: 'strin' } } }));
    const { child, output } = start({ PORT: '0', DATABASE_PATH: join(qdir, 'x.sqlite'), QUESTIONNAIRES_DIR: qdir });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output()).toMatch(/broken\.json\s+\/properties\/a\/type/);
    expect(existsSync(join(qdir, 'x.sqlite'))).toBe(false);
  });
});
