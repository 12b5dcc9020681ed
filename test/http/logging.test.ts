import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { testConfig } from '../../src/config/index.js';
import { boot } from '../../src/server/bootstrap.js';
import { loadQuestionnaires } from '../../src/questionnaire/index.js';

describe('request logs', () => {
  it('are structured JSON lines without cookies or CSRF tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const rt = boot({ config: testConfig(), logger: pino({ level: 'info' }, sink), compiled: loadQuestionnaires() });
    await request(rt.app).get('/healthz').set('Cookie', 'session=secret-session-token').set('X-CSRF-Token', 'secret-csrf').expect(200);
    const entry = JSON.parse(lines.find((l) => l.includes('"/healthz"'))!);
    expect(entry.req.method).toBe('GET');
    expect(entry.res.statusCode).toBe(200);
    expect(lines.join('')).not.toContain('secret-session-token');
    expect(lines.join('')).not.toContain('secret-csrf');
  });
});
