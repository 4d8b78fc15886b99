package cn.anwang.identity.audit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit log's filters and answers. */
final class AuditQueries {

  private AuditQueries() {}

  /**
   * What to look for; every field may be null. Dates are bound as text and checked here, so a
   * malformed date becomes a field error instead of a failed binding.
   *
   * @param actor exact username
   * @param action an action ({@code user.create}) or a family of them ({@code user})
   * @param from first day (China Standard Time), inclusive, {@code yyyy-MM-dd}
   * @param to last day, inclusive, {@code yyyy-MM-dd}
   */
  record AuditFilter(
      @Size(max = 64) String actor,
      @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]*") String action,
      @Pattern(regexp = DATE) String from,
      @Pattern(regexp = DATE) String to) {

    static final String DATE = "(\\d{4}-\\d{2}-\\d{2})?";

    static AuditFilter none() {
      return new AuditFilter(null, null, null, null);
    }

    LocalDate fromDate() {
      return parse(from);
    }

    LocalDate toDate() {
      return parse(to);
    }

    /** The dates are real days and in order. Public: the page reads it as a bean property. */
    @AssertTrue
    public boolean isRangeValid() {
      try {
        LocalDate first = parse(from);
        LocalDate last = parse(to);
        return first == null || last == null || !first.isAfter(last);
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    private static LocalDate parse(String date) {
      return date == null || date.isBlank() ? null : LocalDate.parse(date);
    }
  }

  /** One page of entries, newest first. */
  record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

    // public: templates call it, and SpEL invokes public methods only
    public int totalPages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /**
   * The result of re-computing the hash chain.
   *
   * @param intact whether every entry links to its predecessor and matches its hash
   * @param checked entries checked
   * @param firstBrokenId the first entry that fails, or null when intact
   * @param problem what is wrong with it ({@code link} or {@code content}), or null
   */
  record ChainVerification(boolean intact, long checked, Long firstBrokenId, String problem) {}
}
