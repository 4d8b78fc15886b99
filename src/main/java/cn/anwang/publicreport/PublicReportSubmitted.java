package cn.anwang.publicreport;

import java.time.Instant;

/**
 * A public report was accepted and committed with its tracking code; published inside the
 * submission's transaction.
 *
 * @param category HAZARD, ILLEGAL_OPERATION, ACCIDENT or OTHER
 */
public record PublicReportSubmitted(
    long id,
    String trackingCode,
    String districtCode,
    String streetCode,
    String category,
    Instant at) {}
