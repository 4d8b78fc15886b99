package cn.anwang.identity.user;

import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.shared.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database without users, creates the city administrator {@code admin} with the password from
 * {@code anwang.admin-password} (environment {@code ANWANG_ADMIN_PASSWORD}), or a random one that
 * is logged exactly once.
 */
@Component
@Order(StartupOrder.ADMINISTRATOR)
class FirstAdministrator implements ApplicationRunner {

  static final String USERNAME = "admin";
  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final String configuredPassword;

  FirstAdministrator(
      UserRepository users,
      PasswordEncoder passwordEncoder,
      AuditLog audit,
      TransactionTemplate transactions,
      @Value("${anwang.admin-password:}") String configuredPassword) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
    this.transactions = transactions;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.count() > 0) {
      return;
    }
    boolean generated = configuredPassword == null || configuredPassword.isBlank();
    String password = generated ? PasswordGenerator.generate() : configuredPassword;
    try {
      UserPolicy.requireStrongPassword(password, USERNAME);
    } catch (UserAdministrationException e) {
      throw new IllegalStateException(
          "anwang.admin-password (ANWANG_ADMIN_PASSWORD) must have at least "
              + UserPolicy.MIN_PASSWORD_LENGTH
              + " characters",
          e);
    }
    User admin =
        User.create(
            USERNAME, passwordEncoder.encode(password), "系统管理员", Role.CITY_ADMIN, Scope.CITY, null);
    // Several servers may start on one empty database: only the one whose insert wins reports.
    boolean created =
        Boolean.TRUE.equals(
            transactions.execute(
                tx ->
                    users
                        .insertIfAbsent(admin)
                        .map(
                            id -> {
                              audit.record(
                                  "user.create",
                                  "user",
                                  String.valueOf(id),
                                  Scope.CITY,
                                  null,
                                  users.findById(id).orElseThrow().view());
                              return true;
                            })
                        .orElse(false)));
    if (created && generated) {
      log.warn("First administrator '{}' created with password: {}", USERNAME, password);
    } else if (created) {
      log.info(
          "First administrator '{}' created with the password from anwang.admin-password",
          USERNAME);
    }
  }
}
