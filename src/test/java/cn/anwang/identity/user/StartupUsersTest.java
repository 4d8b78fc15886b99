package cn.anwang.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StartupUsersTest {

  @Autowired DemoUsers demoUsers;
  @Autowired FirstAdministrator firstAdministrator;
  @Autowired UserRepository users;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  @Test
  void demoModeCreatesTheDocumentedUsersInTheirTerritories() {
    for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
      User user = users.findByUsername(demo.username()).orElseThrow();
      assertThat(user.role()).as(demo.username()).isEqualTo(demo.role());
      assertThat(user.territoryCode()).as(demo.username()).isEqualTo(demo.territoryCode());
      assertThat(user.departmentCode()).as(demo.username()).isEqualTo(demo.departmentCode());
    }
    assertThat(DemoUsers.USERS)
        .extracting(DemoUsers.DemoUser::role)
        .contains(
            Role.DISTRICT_ADMIN,
            Role.STREET_ADMIN,
            Role.STREET_OFFICER,
            Role.DEPARTMENT_STAFF,
            Role.AUDITOR,
            Role.ENTERPRISE_USER);
  }

  @Test
  void demoUsersLogInWithTheDocumentedPassword() {
    for (String username : List.of("xiqing.street", "auditor")) {
      assertThat(
              rest.withBasicAuth(username, DemoUsers.PASSWORD)
                  .getForEntity("/api/v1/me", Map.class)
                  .getStatusCode())
          .as(username)
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void startingAgainCreatesNoSecondAdministratorOrDemoUser() throws Exception {
    long before = users.count();

    firstAdministrator.run(new DefaultApplicationArguments());
    demoUsers.run(new DefaultApplicationArguments());

    assertThat(users.count()).isEqualTo(before);
  }

  @Test
  void theFirstAdministratorIsACityAdministratorWithAnAdaptiveHash() {
    User admin = users.findByUsername("admin").orElseThrow();

    assertThat(admin.role()).isEqualTo(Role.CITY_ADMIN);
    assertThat(admin.territoryCode()).isEqualTo("12");
    assertThat(admin.passwordHash()).startsWith("{bcrypt}$2");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'user.create' AND target_id ="
                        + " :id")
                .param("id", String.valueOf(admin.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
