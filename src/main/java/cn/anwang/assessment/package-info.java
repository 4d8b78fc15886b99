/**
 * Assessment (年度考核与统计分析): the indicator catalogue computed from the work other modules record, with
 * a drill-down from any figure to the records behind it. It reads other modules only through their
 * public APIs ({@code casework.CaseFigures}, {@code registry.ObjectCounts}, {@code area.Grids} and
 * {@code GridCoverageGaps}, {@code publicreport.PublicReportIndicators}, {@code
 * outreach.OutreachFigures}) and never writes their data. Nothing it counts is online time,
 * log-ins, check-ins or a quota of events (see {@code IndicatorCatalogue}).
 *
 * <p>Internal packages: {@code indicator} (definitions, sources, the table), {@code dashboard} (a
 * department's view and the officer's own summary, reading {@code casework.CaseBoard}, {@code
 * registry.ObjectCounts}, {@code inspection.PatrolFigures}, {@code workforce.OfficerDirectory} and
 * {@code TrainingFigures}), {@code report} (the generated monthly and annual reports, XLSX and PDF,
 * on the scheduler and on demand), {@code web} (API and pages).
 */
@ApplicationModule(
    displayName = "Assessment",
    allowedDependencies = {
      "identity",
      "area",
      "registry",
      "inspection",
      "workforce",
      "casework",
      "publicreport",
      "outreach",
      "org",
      "shared"
    })
package cn.anwang.assessment;

import org.springframework.modulith.ApplicationModule;
