package cn.anwang.casework.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case's timeline.
 *
 * @param data what the action carried (handler, days, position, plan…), JSON-serialisable
 */
public record CaseEvent(
    long id,
    long caseId,
    Instant at,
    Long actorUserId,
    String actorName,
    String actorRole,
    CaseAction action,
    CaseStatus fromStatus,
    CaseStatus toStatus,
    String reason,
    Map<String, Object> data) {}
