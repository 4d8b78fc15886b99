/**
 * Public reports (群众举报): the public's reporting page with its map, photos and captcha, the tracking
 * page, abuse protection (rate limits per client address and device, size and duplicate checks),
 * the street's desk (triage, duplicates, merge, verification into a case, photo moderation, the
 * reporter's identity audited), Open311 GeoReport v2, rewards, indicators and the demo. A verified
 * report enters the case loop through casework's {@code CaseIntake}, never by writing casework's
 * tables, and follows it through {@code CaseProgressed}.
 *
 * <p>Internal packages: {@code intake} (form, captcha, rate limits, photos, tracking), {@code
 * desk}, {@code open311}, {@code reward}, {@code indicator}, {@code demo}, {@code support} (what
 * the desk's and the rewards' pages share). The public API is {@link PublicReportIndicators}.
 */
@ApplicationModule(
    displayName = "Public reports",
    allowedDependencies = {"casework", "area", "identity", "notification", "shared"})
package cn.anwang.publicreport;

import org.springframework.modulith.ApplicationModule;
