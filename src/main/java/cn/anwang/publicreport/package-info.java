/**
 * Public reports (群众举报): the public's reporting page and its tracking page, abuse protection (an
 * in-process captcha, rate limits per client address and per device, size and duplicate checks),
 * and — in later steps — the street's triage, Open311 GeoReport v2 and rewards. A verified report
 * enters the case loop through casework's {@code CaseIntake}, never by writing casework's tables.
 *
 * <p>Internal packages: {@code intake} (the public form, captcha, rate limits, tracking).
 */
@ApplicationModule(
    displayName = "Public reports",
    allowedDependencies = {"casework", "area", "identity", "notification", "shared"})
package cn.anwang.publicreport;

import org.springframework.modulith.ApplicationModule;
