package cn.anwang.identity.audit;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The audit log's filters and answers. */
final class AuditQueries {

  private AuditQueries() {}

  /**
   * What to look for; every field may be null.
   *
   * @param actor exact username
   * @param action an action ({@code user.create}) or a family of them ({@code user})
   * @param from first day (China Standard Time), inclusive
   * @param to last day, inclusive
   */
  record AuditFilter(
      @Size(max = 64) String actor,
      @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]*") String action,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    static AuditFilter none() {
      return new AuditFilter(null, null, null, null);
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
