package cn.anwang.assessment.indicator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every indicator the platform computes, in the order of its sources. Each is derived from recorded
 * work (its {@link Indicator#facts}); none may count online time, log-ins, sessions, check-ins,
 * positions as presence, or events per grid against a quota (整治形式主义为基层减负若干规定, 2024): {@link
 * #FORBIDDEN_FACTS} names the tables and words such a figure would read, and the catalogue refuses
 * to start with one.
 */
@Component
public class IndicatorCatalogue {

  /** What an indicator may never be built on. */
  public static final Set<String> FORBIDDEN_FACTS =
      Set.of(
          "login",
          "logon",
          "session",
          "online",
          "checkin",
          "check_in",
          "sign_in",
          "signin",
          "quota",
          "audit_event",
          "spring_session",
          "track",
          "heartbeat",
          "active_minutes");

  private final List<IndicatorSource> sources;
  private final List<Indicator> indicators;

  IndicatorCatalogue(List<IndicatorSource> sources) {
    this.sources = sources;
    this.indicators = sources.stream().flatMap(s -> s.indicators().stream()).toList();
    for (Indicator i : indicators) {
      String formal = formalism(i);
      if (formal != null) {
        throw new IllegalStateException(
            "Indicator " + i.code() + " counts " + formal + ", which an assessment must not");
      }
    }
  }

  /** The first forbidden word among an indicator's code and facts, or null. */
  public static String formalism(Indicator indicator) {
    for (String fact : indicator.facts()) {
      String f = fact.toLowerCase(java.util.Locale.ROOT);
      for (String word : FORBIDDEN_FACTS) {
        if (f.contains(word)) {
          return fact;
        }
      }
    }
    String code = indicator.code().toLowerCase(java.util.Locale.ROOT);
    return FORBIDDEN_FACTS.stream().filter(code::contains).findFirst().orElse(null);
  }

  public List<Indicator> all() {
    return indicators;
  }

  public Optional<Indicator> find(String code) {
    return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
  }

  List<IndicatorSource> sources() {
    return sources;
  }

  IndicatorSource sourceOf(String code) {
    return sources.stream()
        .filter(s -> s.indicators().stream().anyMatch(i -> i.code().equals(code)))
        .findFirst()
        .orElseThrow();
  }
}
