/**
 * Casework: cases (事件/隐患) and their closed loop — report, register (立案) or void, dispatch
 * (auto-routed, returns counted as wrong dispatches), rectification with evidence, feedback,
 * re-inspection on site, close or rework — with deadlines in working days on the holiday calendar,
 * extensions, supervision by the level above, major-hazard plans and acceptance, and the timeline
 * every indicator is computed from.
 *
 * <p>Internal packages: {@code cases} (the aggregate, its state machine, the API), {@code calendar}
 * (the holiday calendar administrators maintain).
 */
@ApplicationModule(
    displayName = "Casework",
    allowedDependencies = {
      "area",
      "identity",
      "org",
      "registry",
      "workforce",
      "notification",
      "shared"
    })
package cn.anwang.casework;

import org.springframework.modulith.ApplicationModule;
