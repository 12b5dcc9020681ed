import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, t } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(`${dir}${e.name}/`) : e.name.endsWith('.ts') ? [readFileSync(dir + e.name, 'utf8')] : []);
}

describe('UI messages', () => {
  it('exist in English for every key the forms module uses', () => {
    const keys = new Set(sources(`${PROJECT_ROOT}src/forms/`).flatMap((src) => [...src.matchAll(/'(form\.[A-Za-z.]+)'/g)].map((m) => m[1]!)));
    expect(keys.size).toBeGreaterThan(30);
    for (const key of keys) expect(() => t(key), key).not.toThrow();
  });
});
