/**
 * Splits what the referent typed into scan targets: one per line or comma separated,
 * trimmed, empty entries dropped, duplicates removed (first kept). No validation here:
 * the engine checks each target and answers `invalid-input` with the culprit.
 */
export function parseTargets(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,;]+/)) {
    const target = part.trim();
    if (target) seen.add(target);
  }
  return [...seen];
}

/**
 * Adds a target to the typed text on its own line, unless it is already listed.
 * @returns the new text.
 */
export function addTarget(text: string, target: string): string {
  if (parseTargets(text).includes(target)) return text;
  const trimmed = text.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n${target}` : target;
}
