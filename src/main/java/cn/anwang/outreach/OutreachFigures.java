package cn.anwang.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The document and publicity counts other modules build indicators on (the assessment), grouped by
 * unit: the prefix of the object's division code of {@code unitLength} (6, 9 or 12), or its grid
 * code when it is 0 (objects outside any grid under {@code ""}). Unscoped: callers put the reader's
 * territory into {@code divisionPrefix}.
 */
public interface OutreachFigures {

  /**
   * Of the deliveries of documents whose receipt deadline falls in [{@code first}, {@code last}],
   * how many there are and how many were received (签收), per unit.
   */
  Map<String, Receipts> receipts(
      String divisionPrefix, int unitLength, LocalDate first, LocalDate last);

  /** The distinct objects a publicity activity reached in the period, per unit. */
  Map<String, Long> reachedObjects(String divisionPrefix, int unitLength, Instant from, Instant to);

  /**
   * The deliveries behind {@link #receipts} in one unit, newest deadline first.
   *
   * @param receivedOnly only the received ones (the numerator)
   */
  List<DeliveryRecord> deliveries(
      String divisionPrefix,
      int unitLength,
      String unit,
      boolean receivedOnly,
      LocalDate first,
      LocalDate last,
      int limit);

  /** The objects behind {@link #reachedObjects} in one unit, with the last activity that did. */
  List<ReachedRecord> reached(
      String divisionPrefix, int unitLength, String unit, Instant from, Instant to, int limit);

  record Receipts(long deliveries, long received) {}

  record DeliveryRecord(
      long id,
      long documentId,
      String title,
      long objectId,
      String status,
      String divisionCode,
      String gridCode,
      LocalDate deadline,
      Instant receivedAt) {}

  record ReachedRecord(
      long objectId,
      long activityId,
      String type,
      String divisionCode,
      String gridCode,
      Instant reachedAt) {}
}
