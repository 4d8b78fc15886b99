package cn.anwang.identity.user;

import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import cn.anwang.identity.Territories;
import cn.anwang.shared.StartupOrder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only ({@code anwang.demo=true}): one administrator, street administrator and officer in
 * each demo district (和平区, 西青区), a department-staff user of one seeded department in each (和平区
 * 应急管理局, 西青区市场监督管理局), an enterprise user in each (linked to an object by the demo cases) and a city
 * auditor, all with the documented password. Missing ones are created at every start; existing ones
 * are left as they are.
 */
@Component
@Order(StartupOrder.DEMO_USERS)
@ConditionalOnProperty(name = "anwang.demo", havingValue = "true")
class DemoUsers implements ApplicationRunner {

  /** Documented in the README; demo mode is never for production. */
  static final String PASSWORD = "anwang-demo-2026";

  /**
   * @param departmentCode the department code for department staff, as the org module seeds it for
   *     the demo districts ({@code <district>-<key>}); a plain string, so identity need not know
   *     org
   */
  record DemoUser(
      String username, String displayName, Role role, String territoryCode, String departmentCode) {

    DemoUser(String username, String displayName, Role role, String territoryCode) {
      this(username, displayName, role, territoryCode, null);
    }
  }

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("heping.admin", "和平区管理员", Role.DISTRICT_ADMIN, "120101"),
          new DemoUser("heping.street", "劝业场街道管理员", Role.STREET_ADMIN, "120101001"),
          new DemoUser("heping.officer", "劝业场街道网格员", Role.STREET_OFFICER, "120101001"),
          new DemoUser("heping.yingji", "和平区应急管理局", Role.DEPARTMENT_STAFF, "120101", "120101-YJ"),
          new DemoUser("xiqing.admin", "西青区管理员", Role.DISTRICT_ADMIN, "120111"),
          new DemoUser("xiqing.street", "西营门街道管理员", Role.STREET_ADMIN, "120111001"),
          new DemoUser("xiqing.officer", "西营门街道网格员", Role.STREET_OFFICER, "120111001"),
          new DemoUser(
              "xiqing.shijian", "西青区市场监督管理局", Role.DEPARTMENT_STAFF, "120111", "120111-SC"),
          new DemoUser("auditor", "审计员", Role.AUDITOR, "12"),
          // enterprise users: the demo cases link each to an object with an open case
          new DemoUser("heping.qiye", "和平区示范企业", Role.ENTERPRISE_USER, "120101001"),
          new DemoUser("xiqing.qiye", "西青区示范企业", Role.ENTERPRISE_USER, "120111001"));

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final Territories territories;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  DemoUsers(
      UserRepository users,
      PasswordEncoder passwordEncoder,
      Territories territories,
      AuditLog audit,
      TransactionTemplate transactions) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.territories = territories;
    this.audit = audit;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (DemoUser demo : USERS) {
      if (users.findByUsername(demo.username()).isPresent()) {
        continue;
      }
      if (territories.find(demo.territoryCode()).isEmpty()) {
        log.warn(
            "Demo user {} skipped: division {} is unknown", demo.username(), demo.territoryCode());
        continue;
      }
      User user =
          User.create(
              demo.username(),
              passwordEncoder.encode(PASSWORD),
              demo.displayName(),
              demo.role(),
              demo.territoryCode(),
              demo.departmentCode());
      Boolean inserted =
          transactions.execute(
              tx ->
                  users
                      .insertIfAbsent(user)
                      .map(
                          id -> {
                            audit.record(
                                "user.create",
                                "user",
                                String.valueOf(id),
                                demo.territoryCode(),
                                null,
                                users.findById(id).orElseThrow().view());
                            return true;
                          })
                      .orElse(false));
      if (Boolean.TRUE.equals(inserted)) {
        created++;
      }
    }
    if (created > 0) {
      log.info("Demo mode: {} demo users created (password documented in the README)", created);
    }
  }
}
