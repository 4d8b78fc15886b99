package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.scheme.Curve.Step;
import cn.anwang.assessment.scheme.Scheme.AssessedLevel;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: a published STREET scheme of the demo district 和平区 for the current year, so that
 * the ranking and the score sheets have something to show. Its items pass the same rules as a
 * scheme made by hand. Idempotent (one per year, by name).
 */
@Component
@Order(StartupOrder.DEMO_USERS + 30)
@ConditionalOnBooleanProperty("anwang.demo")
class DemoScheme implements ApplicationRunner {

  static final String OWNER = "120101";
  private static final long LOCK = 0x5343_4845_4d45_4445L; // "SCHEMEDE"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final SchemeStore store;
  private final IndicatorCatalogue catalogue;
  private final SchemeTexts texts;

  DemoScheme(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      SchemeStore store,
      IndicatorCatalogue catalogue,
      SchemeTexts texts) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.store = store;
    this.catalogue = catalogue;
    this.texts = texts;
  }

  static List<SchemeItem> items() {
    return List.of(
        new SchemeItem("case.closeRate", 30.0, Curve.linear(60, 100)),
        new SchemeItem(
            "case.onTimeRate",
            30.0,
            Curve.steps(List.of(new Step(60.0, 0.5), new Step(80.0, 0.8), new Step(95.0, 1.0)))),
        new SchemeItem("case.overdueRate", 20.0, Curve.linear(30, 5)),
        new SchemeItem("patrol.completion", 20.0, Curve.linear(50, 100)));
  }

  @Override
  public void run(ApplicationArguments args) {
    int year = LocalDate.now(WorkingCalendar.CHINA).getYear();
    String name = year + " 年度和平区街道安全生产工作考核（演示）";
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
          long existing =
              jdbc.sql(
                      "SELECT count(*) FROM assessment_scheme WHERE owner_code = ? AND year = ? AND name = ?")
                  .params(OWNER, year, name)
                  .query(Long.class)
                  .single();
          if (existing > 0) {
            return;
          }
          List<SchemeItem> items = items();
          SchemeRules.check(
              items, AssessedLevel.STREET.level(), c -> catalogue.find(c).orElse(null), texts);
          long id = store.insert(name, year, AssessedLevel.STREET, OWNER, items, "system");
          store.publish(id, "system");
        });
  }
}
