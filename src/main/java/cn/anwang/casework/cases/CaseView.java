package cn.anwang.casework.cases;

import cn.anwang.shared.calendar.TrafficLight;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case as the API shows it.
 *
 * @param light the traffic light of the current stage's clock (null when finished)
 * @param usedShare the share of the stage's working time used (1.0 = at the deadline)
 * @param suggestedHandler where dispatch would send it by default (only while it waits for it)
 * @param timeline every line, oldest first (only on the single-case read)
 */
public record CaseView(
    long id,
    String number,
    CaseType type,
    CaseSource source,
    CaseStatus status,
    String title,
    String description,
    String address,
    Double lon,
    Double lat,
    String districtCode,
    String streetCode,
    String villageCode,
    String gridCode,
    Long objectId,
    HandlerType handlerType,
    String handlerCode,
    Stage stage,
    Instant stageDueAt,
    Instant dueAt,
    TrafficLight light,
    Double usedShare,
    Instant reportedAt,
    Instant closedAt,
    Boolean closedOnTime,
    int reworkCount,
    int wrongDispatchCount,
    int extensionCount,
    Integer extensionRequestedDays,
    String supervisionLevel,
    Instant supervisionDueAt,
    Map<String, Object> plan,
    Instant acceptedAt,
    Instant stopOrderAt,
    String penaltyDecision,
    String reporterName,
    int version,
    Map<String, String> suggestedHandler,
    List<CaseEvent> timeline) {

  static CaseView of(
      SafetyCase c,
      WorkingCalendar calendar,
      Instant now,
      Map<String, String> suggestedHandler,
      List<CaseEvent> timeline) {
    Double share =
        c.stage == null || c.stageStartedAt == null
            ? null
            : calendar.usedShare(c.stageStartedAt, c.stageDueAt, now);
    return new CaseView(
        c.id,
        c.number,
        c.type,
        c.source,
        c.status,
        c.title,
        c.description,
        c.address,
        c.lon,
        c.lat,
        c.districtCode,
        c.streetCode,
        c.villageCode,
        c.gridCode,
        c.objectId,
        c.handlerType,
        c.handlerCode,
        c.stage,
        c.stageDueAt,
        c.dueAt,
        share == null ? null : TrafficLight.of(share),
        share == null ? null : round(share),
        c.reportedAt,
        c.closedAt,
        c.closedOnTime,
        c.reworkCount,
        c.wrongDispatchCount,
        c.extensionCount,
        c.extensionRequestedDays,
        c.supervisionLevel,
        c.supervisionDueAt,
        c.plan,
        c.acceptedAt,
        c.stopOrderAt,
        c.penaltyDecision,
        c.reporterName,
        c.version,
        suggestedHandler,
        timeline);
  }

  /** Three decimals; a stage allowed no time at all shows as far overdue. */
  private static double round(double share) {
    return Double.isInfinite(share) ? 99.0 : Math.round(share * 1000) / 1000.0;
  }
}
