package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.Level;
import java.time.Instant;
import java.util.List;

/**
 * An assessment scheme (考核方案) of one year: the items the units of one level below its owner are
 * scored on. STREET schemes are a district's, of its streets and parks; DISTRICT schemes the city's
 * ({@code 12}), of its districts. Edited while DRAFT; PUBLISHED is final.
 */
public record Scheme(
    long id,
    String name,
    int year,
    AssessedLevel level,
    String owner,
    Status status,
    List<SchemeItem> items,
    String createdBy,
    Instant createdAt,
    String publishedBy,
    Instant publishedAt) {

  /** Who is assessed. */
  public enum AssessedLevel {
    STREET(Level.STREET),
    DISTRICT(Level.DISTRICT);

    private final Level level;

    AssessedLevel(Level level) {
      this.level = level;
    }

    public Level level() {
      return level;
    }
  }

  /** DRAFT (editable) or PUBLISHED (final, scored). */
  public enum Status {
    DRAFT,
    PUBLISHED
  }

  /** The points of all items. */
  public double weightSum() {
    return items.stream().mapToDouble(SchemeItem::weight).sum();
  }

  /** Whether a division code is one of the units this scheme assesses (by its code's shape). */
  public boolean assesses(String unit) {
    return unit != null && unit.length() == level.level().codeLength() && unit.startsWith(owner);
  }
}
