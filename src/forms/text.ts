// Small helpers that turn schema words into words for people.

/** `technicalAssistance` → "Technical assistance", `p1_a` → "P1 a". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  if (words === '') return key;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Titles such as "LegislationCitation" name a reusable type for developers (and for
 * json-schema-to-typescript); they are not labels for people.
 */
export function isIdentifierLike(title: string): boolean {
  return /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(title) || /^[a-z][a-z0-9]*(?:[A-Z_][A-Za-z0-9_]*)+$/.test(title);
}

/** "Status of implementation" → "status of implementation"; acronyms ("UNTOC …") stay. */
export function decapitalize(label: string): string {
  const trimmed = label.trim().replace(/[:.]$/, '');
  if (trimmed.length > 1 && /[A-Z]/.test(trimmed[0]!) && /[a-z ]/.test(trimmed[1]!)) {
    return trimmed[0]!.toLowerCase() + trimmed.slice(1);
  }
  return trimmed;
}

const QUESTION_OPENERS = new Set([
  'please', 'explain', 'describe', 'cite', 'list', 'provide', 'give', 'indicate', 'specify', 'state',
  'enter', 'select', 'add', 'summarize', 'summarise', 'outline', 'identify', 'attach', 'include',
  'choose', 'tick', 'if', 'where', 'subject', 'does', 'do', 'is', 'are', 'has', 'have', 'can', 'will',
  'would', 'should', 'was', 'were', 'did', 'how', 'what', 'which', 'who', 'when', 'why',
]);

/**
 * Whether a title is a question or an instruction ("Has your country…?", "Please explain")
 * rather than a noun phrase ("Title of the law"): messages then quote it instead of
 * weaving it into a sentence.
 */
export function isQuestionLike(title: string): boolean {
  if (title.includes('?')) return true;
  const first = /^[A-Za-z]+/.exec(title.trim())?.[0]?.toLowerCase();
  return first !== undefined && QUESTION_OPENERS.has(first);
}
