package cn.anwang.registry.object;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The two-character substrings (bigrams) the text search indexes, computed as the database's {@code
 * supervised_object_bigrams(text)} does (characters, not UTF-16 units; each once), so that a bulk
 * import can write them with the row instead of having PostgreSQL evaluate the function.
 */
final class TextBigrams {

  private TextBigrams() {}

  /** The bigrams of name and address, each once. */
  static String[] of(String name, String address) {
    Set<String> bigrams = new LinkedHashSet<>();
    add(name, bigrams);
    add(address, bigrams);
    return bigrams.toArray(String[]::new);
  }

  /** The bigrams of a search text. */
  static String[] of(String text) {
    Set<String> bigrams = new LinkedHashSet<>();
    add(text, bigrams);
    return bigrams.toArray(String[]::new);
  }

  private static void add(String text, Set<String> bigrams) {
    if (text == null) {
      return;
    }
    int[] points = text.codePoints().toArray();
    for (int i = 0; i + 1 < points.length; i++) {
      bigrams.add(new String(points, i, 2));
    }
  }
}
