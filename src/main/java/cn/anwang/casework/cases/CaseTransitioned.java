package cn.anwang.casework.cases;

import java.time.Instant;

/**
 * Published (synchronously, inside the transaction) after a line of a case's timeline was written
 * by a user's action: listeners that enqueue work in the same transaction (webhooks through the
 * outbox) commit or roll back together with the transition.
 *
 * @param eventId the timeline line's id
 * @param closedOnTime once closed, whether before the case's deadline; null while open
 */
public record CaseTransitioned(
    long eventId,
    long caseId,
    String number,
    CaseAction action,
    CaseStatus from,
    CaseStatus to,
    Instant at,
    CaseType type,
    CaseSource source,
    String districtCode,
    String divisionCode,
    HandlerType handlerType,
    String handlerCode,
    Stage stage,
    Instant stageDueAt,
    Instant dueAt,
    Boolean closedOnTime) {

  static CaseTransitioned of(long eventId, SafetyCase c, SafetyCase.Change change, Instant at) {
    return new CaseTransitioned(
        eventId,
        c.id,
        c.number,
        change.action(),
        change.from(),
        change.to(),
        at,
        c.type,
        c.source,
        c.districtCode,
        c.divisionCode,
        c.handlerType,
        c.handlerCode,
        c.stage,
        c.stageDueAt,
        c.dueAt,
        c.closedOnTime);
  }
}
