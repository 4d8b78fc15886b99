/**
 * Workforce: grid officers (网格员), their grid assignments with history, training and certification
 * (先培训后上岗), staffing norms, risk-weighted workload and rebalancing.
 *
 * <p>Internal packages: {@code officer} (officers, assignments and the rules an assignment must
 * pass), {@code training} (courses, sessions, exams, certificates, the annual plan, expiry
 * reminders), {@code staffing} (norms, compliance, workload, rebalancing proposals).
 */
@ApplicationModule(
    displayName = "Workforce",
    allowedDependencies = {"area", "identity", "registry", "shared", "notification"})
package cn.anwang.workforce;

import org.springframework.modulith.ApplicationModule;
