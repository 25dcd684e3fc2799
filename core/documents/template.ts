// A tenant's contract terms are text with {{placeholders}}; this fills them, and refuses a template that names
// a placeholder nobody fills, so that a typo never reaches a signed contract as a literal "{{custmer.name}}".
import { domainError, type DomainError } from '../shared/index.js';

// {{ name }}: a name is anything but braces, spaces around it are ignored. A lone "{{" stays literal text.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The distinct placeholder names a template uses, in order of first use. */
export function placeholdersIn(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) names.add(m[1] ?? '');
  return [...names];
}

/** Fills every {{name}} from the values; a template naming any placeholder not among them is refused, listing them all. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const unknown = placeholdersIn(template).filter((name) => !Object.hasOwn(values, name));
  if (unknown.length > 0) throw unknownPlaceholders(unknown, Object.keys(values));
  // One pass over the template: a value that itself contains "{{…}}" is printed as it is, never re-expanded.
  return template.replace(PLACEHOLDER, (_whole, name: string) => values[name] ?? '');
}

function unknownPlaceholders(unknown: readonly string[], known: readonly string[]): DomainError {
  const list = unknown.map((n) => `{{${n}}}`).join('、');
  return domainError(
    'document.unknown_placeholder',
    'invalid',
    `模板中有无法识别的占位符：${list}。请在模板中改为可用的占位符（${known.map((n) => `{{${n}}}`).join('、')}）`,
    `The template uses unknown placeholders: ${unknown.map((n) => `{{${n}}}`).join(', ')}. Use one of the known placeholders: ${known.join(', ')}`,
    { placeholders: [...unknown], known: [...known] },
  );
}
