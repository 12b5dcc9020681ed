import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, loadQuestionnaires, questionnaireFiles, QuestionnaireLoadError } from '../../src/questionnaire/index.js';

const benchGenerator = new URL('../../../shared/bench/gen-questionnaire.mjs', import.meta.url).pathname;

function tempFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-'));
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('questionnaire check', () => {
  it('accepts the four cluster questionnaires', () => {
    const { questionnaires, problems } = checkFiles(questionnaireFiles());
    expect(problems).toEqual([]);
    expect(questionnaires.map((q) => q.cluster)).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('lists every problem of a broken file with its JSON pointer', () => {
    const file = tempFile('broken.json', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      'x-questionnaire': { id: 'Bad Id', version: 1 },
      properties: { a: { type: 'strin', 'x-provision': { instrument: 'XX', article: 5, paragraph: '1', obligation: 'mandatory' } } },
    });
    const { problems } = checkFiles([file]);
    const pointers = problems.map((p) => p.pointer);
    expect(pointers).toContain('/x-questionnaire/id');
    expect(pointers).toContain('/properties/a/type');
    expect(pointers).toContain('/properties/a/x-provision/instrument');
    expect(problems.every((p) => p.file.endsWith('broken.json'))).toBe(true);
  });

  it('reports invalid JSON and an unresolvable $ref', () => {
    const notJson = tempFile('a.json', '{ "type": ');
    const badRef = tempFile('b.json', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { p: { $ref: 'https://untoc-review.example/schemas/blocks/nope.json' } } });
    const { problems } = checkFiles([notJson, badRef]);
    expect(problems[0]?.problem).toMatch(/not valid JSON/);
    expect(problems[1]?.problem).toMatch(/reference cannot be resolved|does not compile/);
  });

  it('refuses an unknown keyword, so strict mode stays on', () => {
    const file = tempFile('c.json', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { p: { type: 'string', 'x-provison': {} } } });
    expect(checkFiles([file]).problems[0]?.problem).toMatch(/unknown keyword/);
  });

  it.skipIf(!existsSync(benchGenerator))('accepts a plain JSON Schema without annotations (the bench questionnaire)', () => {
    const file = tempFile('synthetic.json', execFileSync('node', [benchGenerator, '5', '3'], { encoding: 'utf8' }));
    const { questionnaires, problems } = checkFiles([file]);
    expect(problems).toEqual([]);
    expect(questionnaires[0]?.key).toBe('synthetic');
    expect(questionnaires[0]?.explicitVersion).toBe(false);
  });

  it('stops loading with the full list when one file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qs-'));
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ type: 'object', properties: {} }));
    expect(() => loadQuestionnaires(dir)).toThrow(QuestionnaireLoadError);
  });

  it('makes the blocks required by a Yes (citations) and a No (explanation) enforce themselves', () => {
    const [q] = checkFiles([questionnaireFiles()[0]!]).questionnaires;
    const page = q!.pages[1]!.key; // untoc_5
    const validate = q!.validate;
    validate({ [page]: { p1_a_i: { status: 'yes' } } });
    const missing = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    expect(missing.some((m) => m.includes(`/${page}/p1_a_i required`) && m.includes('citations'))).toBe(true);
    validate({ [page]: { p1_a_i: { status: 'no' } } });
    expect((validate.errors ?? []).some((e) => e.instancePath === `/${page}/p1_a_i` && (e.params as { missingProperty?: string }).missingProperty === 'explanation')).toBe(true);
  });
});

describe('questionnaires:check command', () => {
  const run = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'src/cli.ts', 'questionnaires:check', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, out: err.stderr };
    }
  };

  it('exits 0 for the shipped questionnaires', () => {
    expect(run(questionnaireFiles()).code).toBe(0);
  });

  it('exits non-zero and lists file, pointer and problem', () => {
    const file = tempFile('bad.json', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array' });
    const { code, out } = run([file]);
    expect(code).toBe(1);
    expect(out).toMatch(/bad\.json\s+\/type\s+must be "object"/);
  });
});
