package cn.anwang.casework;

import java.time.Instant;

/**
 * A case moved in its loop (every line of its timeline that changed its status, and its report).
 * Published inside the transition's transaction; other modules listen with {@code
 * ApplicationModuleListener}, so the event reaches them after commit through the event publication
 * registry and is never lost when a listener fails.
 *
 * @param caseId the case
 * @param number its number, e.g. {@code 120101-2026-000123}
 * @param source where the case came from (OFFICER_INSPECTION, PUBLIC_REPORT, THIRD_PARTY, …)
 * @param action what was done (REPORT, REGISTER, VOID, DISPATCH, ACCEPT, FEEDBACK, REINSPECT_PASS,
 *     CLOSE, …), the name of the timeline line's action
 * @param status the status after the action: REPORTED, REGISTERED, VOIDED, DISPATCHED, RECTIFYING,
 *     FEEDBACK_SUBMITTED, REINSPECTED or CLOSED
 * @param open false once the case is CLOSED or VOIDED
 * @param at when
 * @param districtCode the case's district
 * @param divisionCode the most precise division it lies in
 * @param closedOnTime for the closing, whether it closed before the case's deadline; else null
 */
public record CaseProgressed(
    long caseId,
    String number,
    String source,
    String action,
    String status,
    boolean open,
    Instant at,
    String districtCode,
    String divisionCode,
    Boolean closedOnTime) {}
