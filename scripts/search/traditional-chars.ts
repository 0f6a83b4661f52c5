import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";

/**
 * Code points that some dictionary entry changes: the characters of an entry's key that
 * differ from its value at the same place (entries keep their length, see fold.ts). Every
 * entry that changes text holds one, so text without any of them is left as it is.
 */
export function traditionalSet(): Set<number> {
  const set = new Set<number>();
  for (const dictionary of [TSCharacters, TSPhrases]) {
    for (const entry of dictionary.split("|")) {
      const [from = [], to = []] = entry.split(" ").map((side) => [...side]);
      from.forEach((char, i) => {
        if (char !== to[i]) set.add(char.codePointAt(0) ?? 0);
      });
    }
  }
  return set;
}
