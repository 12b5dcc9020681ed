// Loads every questionnaire in questionnaires/, checks and compiles each once.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createChecker, type Checker, type CompiledQuestionnaire, type QuestionnaireProblem } from './check.js';
import { loadSchemaLibrary, QUESTIONNAIRES_DIR, SCHEMAS_DIR } from './schemas-dir.js';

export interface LoadResult {
  questionnaires: CompiledQuestionnaire[];
  problems: QuestionnaireProblem[];
}

export class QuestionnaireLoadError extends Error {
  constructor(readonly problems: QuestionnaireProblem[]) {
    super(`Questionnaires have ${problems.length} problem(s):\n${formatProblems(problems)}`);
  }
}

export function formatProblems(problems: QuestionnaireProblem[]): string {
  return problems.map((p) => `  ${p.file}  ${p.pointer || '(root)'}  ${p.problem}`).join('\n');
}

export function checkFiles(files: string[], checker: Checker = createChecker(loadSchemaLibrary(SCHEMAS_DIR))): LoadResult {
  const questionnaires: CompiledQuestionnaire[] = [];
  const problems: QuestionnaireProblem[] = [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push({ file, pointer: '', problem: `cannot be read: ${(e as Error).message}` });
      continue;
    }
    const result = checker.check(file, text);
    problems.push(...result.problems);
    if (!result.compiled) continue;
    const other = seen.get(result.compiled.key);
    if (other) {
      problems.push({ file, pointer: '/x-questionnaire/id', problem: `id "${result.compiled.key}" is also used by ${other}` });
      continue;
    }
    seen.set(result.compiled.key, file);
    questionnaires.push(result.compiled);
  }
  return { questionnaires, problems };
}

export function questionnaireFiles(dir = QUESTIONNAIRES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Start-up: all or nothing. A broken questionnaire stops the server with the full list. */
export function loadQuestionnaires(dir = QUESTIONNAIRES_DIR, checker?: Checker): CompiledQuestionnaire[] {
  const { questionnaires, problems } = checkFiles(questionnaireFiles(dir), checker);
  if (problems.length) throw new QuestionnaireLoadError(problems);
  return questionnaires;
}
