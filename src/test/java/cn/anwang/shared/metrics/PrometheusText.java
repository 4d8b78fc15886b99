package cn.anwang.shared.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition (format 0.0.4): {@code name{label="value",...}
 * value}, comments skipped.
 */
record PrometheusText(List<Sample> samples) {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("Not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
      }
      samples.add(new Sample(m.group(1), labels, parseValue(m.group(3))));
    }
    return new PrometheusText(samples);
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  /** Every sample name (with the {@code _count}, {@code _sum}, … suffixes as exposed). */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** The samples of a name. */
  List<Sample> of(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The value of the one sample of {@code name} whose labels include these pairs, else null. */
  Double value(String name, String... keyValues) {
    Double found = null;
    for (Sample s : of(name)) {
      boolean all = true;
      for (int i = 0; i < keyValues.length; i += 2) {
        all &= keyValues[i + 1].equals(s.labels().get(keyValues[i]));
      }
      if (all) {
        if (found != null) {
          throw new IllegalStateException("More than one sample of " + name + " matches");
        }
        found = s.value();
      }
    }
    return found;
  }

  /** Like {@link #value} but 0 for a missing series. */
  double valueOrZero(String name, String... keyValues) {
    Double v = value(name, keyValues);
    return v == null ? 0 : v;
  }
}
