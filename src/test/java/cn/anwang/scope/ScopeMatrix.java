package cn.anwang.scope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code scope/matrix.tsv}: the rule each documented operation is checked by. */
record ScopeMatrix(Map<String, Rule> rules) {

  enum Rule {
    SCOPED,
    SELF,
    CITY,
    PUBLIC
  }

  static ScopeMatrix load() throws IOException {
    Map<String, Rule> rules = new LinkedHashMap<>();
    try (InputStream in = ScopeMatrix.class.getResourceAsStream("/scope/matrix.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int n = 0;
      for (String line : text.split("\n")) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length < 2 || rules.put(cells[0].strip(), rule(cells[1], n)) != null) {
          throw new IllegalStateException("scope/matrix.tsv line " + n + ": " + line);
        }
      }
    }
    return new ScopeMatrix(rules);
  }

  private static Rule rule(String cell, int line) {
    try {
      return Rule.valueOf(cell.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("scope/matrix.tsv line " + line + ": unknown rule " + cell);
    }
  }

  Rule of(ApiOperations.Operation op) {
    return rules.get(op.key());
  }
}
