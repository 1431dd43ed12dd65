// Whole-word phrase matching over tokens, longest phrase first, each token used once: so "pre-prod"
// is read as the staging phrase and not also as "prod".

export interface PhraseHit<T> {
  item: T;
  /** The words that matched, as they appear in the tokens ("pre prod"). */
  text: string;
}

export function findPhrases<T>(
  tokens: readonly string[],
  entries: ReadonlyArray<{ item: T; phrase: string[] }>,
) {
  const sorted = [...entries].sort((a, b) => b.phrase.length - a.phrase.length);
  const hits: PhraseHit<T>[] = [];
  let index = 0;
  while (index < tokens.length) {
    const entry = sorted.find(
      ({ phrase }) => phrase.length > 0 && phrase.every((word, offset) => tokens[index + offset] === word),
    );
    if (entry) {
      hits.push({ item: entry.item, text: entry.phrase.join(" ") });
      index += entry.phrase.length;
    } else {
      index += 1;
    }
  }
  return hits;
}

/** Removes every phrase occurrence from the tokens (same longest-first reading). */
export function withoutPhrases(tokens: readonly string[], phrases: readonly string[][]): string[] {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const phrase = sorted.find(
      (p) => p.length > 0 && p.every((word, offset) => tokens[index + offset] === word),
    );
    if (phrase) {
      index += phrase.length;
    } else {
      kept.push(tokens[index]!);
      index += 1;
    }
  }
  return kept;
}
