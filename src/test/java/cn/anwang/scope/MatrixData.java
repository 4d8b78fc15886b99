package cn.anwang.scope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The demo data the matrix needs in 和平区 (officers and assignments, cases with their history, public
 * reports and rewards), seeded by the modules' own demo seeders — which the test profile leaves off
 * at start — inside the matrix's transaction, which is rolled back afterwards.
 */
final class MatrixData {

  private MatrixData() {}

  static void seed(ApplicationContext context, String district) throws Exception {
    Instant now = Instant.now();
    invoke(
        context,
        "cn.anwang.workforce.demo.DemoWorkforceRunner",
        district,
        LocalDate.now(ZoneId.of("Asia/Shanghai")));
    invoke(context, "cn.anwang.casework.cases.DemoCasesRunner", district, now);
    invoke(context, "cn.anwang.publicreport.demo.DemoReportsRunner", district, now);
    invoke(context, "cn.anwang.publicreport.reward.DemoRewards", district, now);
  }

  private static void invoke(ApplicationContext context, String type, String district, Object at)
      throws Exception {
    Object seeder = context.getBean(Class.forName(type));
    ReflectionTestUtils.invokeMethod(seeder, "seed", district, at);
  }
}
