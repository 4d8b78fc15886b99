package cn.anwang.shared.industry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GB/T 4754-2017 as shipped in {@code industry/gbt4754-2017.csv}: look-up, hierarchy and
 * normalisation of typed codes. Immutable and thread-safe; load it once ({@link #load()}) and share
 * it. What the table contains, and where it came from, is in {@code industry/SOURCES.md}.
 *
 * <p>Every method that takes a code accepts what {@link #normalise(String)} accepts ({@code C2614},
 * {@code c 2614}, {@code 2614}, {@code 26}, {@code C}).
 */
public final class IndustryClassification {

  /** The classpath resource of the shipped table. */
  public static final String RESOURCE = "industry/gbt4754-2017.csv";

  /** An optional section letter and the digits of a division, group or class. */
  private static final Pattern TYPED = Pattern.compile("([A-Z])?(\\d*)");

  /** Spaces and hyphens people put inside codes ("C 2614", "C-2614"). */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

  private final Map<String, Industry> entries;
  private final Map<String, List<Industry>> children;

  private IndustryClassification(Map<String, Industry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    Map<String, List<Industry>> byParent = new LinkedHashMap<>();
    for (Industry entry : entries.values()) {
      if (entry.parent() != null) {
        byParent.computeIfAbsent(entry.parent(), p -> new ArrayList<>()).add(entry);
      }
    }
    byParent.replaceAll((parent, list) -> List.copyOf(list));
    this.children = Collections.unmodifiableMap(byParent);
  }

  /**
   * Loads the table shipped on the classpath.
   *
   * @throws IllegalStateException if it is missing or not well-formed
   */
  public static IndustryClassification load() {
    try (InputStream in =
        IndustryClassification.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Industry table " + RESOURCE + " is not on the classpath");
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a table in the shipped format ({@code code,level,parent,name_zh,name_en}, UTF-8, parents
   * before children).
   *
   * @throws IllegalStateException naming the line if the table is not well-formed
   */
  public static IndustryClassification load(InputStream csv) {
    return new IndustryClassification(IndustryTableReader.read(csv));
  }

  /**
   * Normalises a typed code: white space and hyphens removed, full-width characters folded, letters
   * in capitals, a leading section letter checked and dropped from division, group and class codes.
   */
  public IndustryCodeCheck normalise(String raw) {
    String typed =
        raw == null
            ? ""
            : SEPARATORS
                .matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC))
                .replaceAll("")
                .toUpperCase(Locale.ROOT);
    Matcher matcher = TYPED.matcher(typed);
    if (typed.isEmpty() || !matcher.matches()) {
      return new IndustryCodeCheck(raw, null, null, IndustryProblem.MALFORMED);
    }
    String letter = matcher.group(1);
    String digits = matcher.group(2);
    if (digits.isEmpty()) {
      Industry section = entries.get(letter);
      return section == null || section.level() != IndustryLevel.SECTION
          ? new IndustryCodeCheck(raw, letter, null, IndustryProblem.UNKNOWN_CODE)
          : new IndustryCodeCheck(raw, letter, section, null);
    }
    if (digits.length() < IndustryLevel.DIVISION.codeLength()
        || digits.length() > IndustryLevel.CLASS.codeLength()) {
      return new IndustryCodeCheck(raw, null, null, IndustryProblem.MALFORMED);
    }
    Industry closest = deepestListed(digits);
    if (closest == null) {
      return new IndustryCodeCheck(raw, digits, null, IndustryProblem.UNKNOWN_CODE);
    }
    if (letter != null && !letter.equals(closest.section())) {
      return new IndustryCodeCheck(raw, digits, closest, IndustryProblem.SECTION_MISMATCH);
    }
    if (!closest.code().equals(digits) && children.containsKey(closest.code())) {
      // The table lists this level under the ancestor, so a code missing from it is not real.
      return new IndustryCodeCheck(raw, digits, null, IndustryProblem.UNKNOWN_CODE);
    }
    return new IndustryCodeCheck(raw, digits, closest, null);
  }

  /** The entry with exactly this code, if the table lists it. */
  public Optional<Industry> find(String code) {
    IndustryCodeCheck check = normalise(code);
    return check.valid() && check.exact() ? Optional.of(check.matched()) : Optional.empty();
  }

  /** Whether the table lists exactly this code. */
  public boolean isKnown(String code) {
    return find(code).isPresent();
  }

  /**
   * The section of an accepted code, also for a class or group finer than the table (its division
   * decides).
   */
  public Optional<Industry> sectionOf(String code) {
    IndustryCodeCheck check = normalise(code);
    return check.valid() ? Optional.of(entries.get(check.matched().section())) : Optional.empty();
  }

  /** The entries one level below a listed code, in the order of the standard; empty if none. */
  public List<Industry> children(String code) {
    return find(code)
        .map(entry -> children.getOrDefault(entry.code(), List.of()))
        .orElse(List.of());
  }

  /**
   * The listed entries from the section down to the code (or to its deepest listed ancestor for an
   * accepted code finer than the table); empty for a code that is not accepted.
   */
  public List<Industry> path(String code) {
    IndustryCodeCheck check = normalise(code);
    if (!check.valid()) {
      return List.of();
    }
    List<Industry> path = new ArrayList<>();
    Industry entry = check.matched();
    while (entry != null) {
      path.add(0, entry);
      entry = entry.parent() == null ? null : entries.get(entry.parent());
    }
    return List.copyOf(path);
  }

  /** Every entry in the order of the standard (each parent before its children). */
  public List<Industry> all() {
    return List.copyOf(entries.values());
  }

  /** The entries of one level, in the order of the standard. */
  public List<Industry> atLevel(IndustryLevel level) {
    return entries.values().stream().filter(e -> e.level() == level).toList();
  }

  /** How many entries each level has in the shipped table. */
  public Map<IndustryLevel, Integer> counts() {
    Map<IndustryLevel, Integer> counts = new EnumMap<>(IndustryLevel.class);
    for (IndustryLevel level : IndustryLevel.values()) {
      counts.put(level, 0);
    }
    entries.values().forEach(e -> counts.merge(e.level(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /** The listed entry for the longest prefix of the digits, from the class down to the division. */
  private Industry deepestListed(String digits) {
    for (int length = digits.length(); length >= IndustryLevel.DIVISION.codeLength(); length--) {
      Industry entry = entries.get(digits.substring(0, length));
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }
}
