package cn.anwang.shared.metrics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The alerting rules file {@code ops/prometheus/anwang-alerts.yml}, read with SnakeYAML. */
record AlertRules(List<Rule> rules) {

  static final Path FILE = Path.of("ops/prometheus/anwang-alerts.yml");

  /** Series Prometheus makes itself, not the application. */
  static final Set<String> FROM_PROMETHEUS = Set.of("up");

  record Rule(
      String group,
      String alert,
      String expr,
      String forDuration,
      Map<String, Object> labels,
      Map<String, Object> annotations) {}

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  @SuppressWarnings("unchecked")
  static AlertRules load() throws IOException {
    Map<String, Object> root;
    try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    List<Rule> rules = new java.util.ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
      for (Map<String, Object> r : (List<Map<String, Object>>) group.get("rules")) {
        rules.add(
            new Rule(
                (String) group.get("name"),
                (String) r.get("alert"),
                (String) r.get("expr"),
                (String) r.get("for"),
                (Map<String, Object>) r.get("labels"),
                (Map<String, Object>) r.get("annotations")));
      }
    }
    return new AlertRules(rules);
  }

  /** Every metric (sample) name the rules' expressions select. */
  Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    rules.forEach(r -> names.addAll(metricNames(r.expr())));
    return names;
  }

  /**
   * The metric names in one PromQL expression: identifiers that are neither functions (followed by
   * a parenthesis), keywords, label names (inside braces or after by/without/on/ignoring), nor
   * inside strings or range and offset durations.
   */
  static Set<String> metricNames(String expr) {
    String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    e = e.replaceAll("\\{[^}]*}", " ");
    e = e.replaceAll("\\[[^]]*]", " ");
    e = e.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    e = e.replaceAll("(?i)\\boffset\\s+\\w+", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(e);
    while (m.find()) {
      String id = m.group();
      int next = m.end();
      while (next < e.length() && Character.isWhitespace(e.charAt(next))) {
        next++;
      }
      boolean function = next < e.length() && e.charAt(next) == '(';
      boolean partOfNumber = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1));
      if (!function && !partOfNumber && !KEYWORDS.contains(id.toLowerCase())) {
        names.add(id);
      }
    }
    return names;
  }
}
