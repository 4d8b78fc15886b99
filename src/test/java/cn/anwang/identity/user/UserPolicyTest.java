package cn.anwang.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.identity.Territories;
import cn.anwang.identity.Territories.Territory;
import cn.anwang.identity.user.UserAdministrationException.Kind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserPolicyTest {

  static final Map<String, Territory> DIVISIONS =
      Map.of(
          "12", new Territory("12", "天津市", "city"),
          "120101", new Territory("120101", "和平区", "district"),
          "120101001", new Territory("120101001", "劝业场街道", "street"),
          "120101002", new Territory("120101002", "小白楼街道", "street"),
          "120101001001", new Territory("120101001001", "花园路社区", "village"),
          "120111", new Territory("120111", "西青区", "district"));
  static final Territories TERRITORIES = code -> Optional.ofNullable(DIVISIONS.get(code));

  final UserPolicy policy = new UserPolicy(TERRITORIES);

  final Actor districtAdmin = actor(1, Role.DISTRICT_ADMIN, "120101");
  final Actor streetAdmin = actor(2, Role.STREET_ADMIN, "120101001");
  final Actor officer = actor(3, Role.STREET_OFFICER, "120101001");

  @Test
  void districtAdministratorMayPlaceAStreetAdministratorOnAStreetOfTheDistrict() {
    assertThat(policy.requireAssignable(districtAdmin, Role.STREET_ADMIN, "120101001").name())
        .isEqualTo("劝业场街道");
  }

  @Test
  void refusesGrantingARoleAboveTheManagersOwn() {
    assertThatThrownBy(() -> policy.requireAssignable(districtAdmin, Role.CITY_ADMIN, "12"))
        .isInstanceOfSatisfying(
            UserAdministrationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
              assertThat(e.field()).isEqualTo("role");
            });
  }

  @Test
  void refusesATerritoryOutsideTheManagersOwn() {
    assertThatThrownBy(() -> policy.requireAssignable(districtAdmin, Role.STREET_OFFICER, "120111"))
        .isInstanceOfSatisfying(
            UserAdministrationException.class,
            e -> assertThat(e.messageKey()).isEqualTo("identity.error.territoryOutsideScope"));
    assertThatThrownBy(
            () -> policy.requireAssignable(streetAdmin, Role.STREET_OFFICER, "120101002"))
        .isInstanceOf(UserAdministrationException.class);
  }

  @Test
  void refusesAnUnknownTerritory() {
    assertThatThrownBy(
            () -> policy.requireAssignable(districtAdmin, Role.STREET_ADMIN, "120101999"))
        .isInstanceOfSatisfying(
            UserAdministrationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
  }

  @Test
  void refusesATerritoryOfTheWrongLevelForTheRole() {
    assertThatThrownBy(() -> policy.requireAssignable(districtAdmin, Role.STREET_ADMIN, "120101"))
        .isInstanceOfSatisfying(
            UserAdministrationException.class,
            e -> assertThat(e.messageKey()).isEqualTo("identity.error.territoryLevel"));
    assertThatNoException()
        .isThrownBy(
            () -> policy.requireAssignable(streetAdmin, Role.VILLAGE_OFFICER, "120101001001"));
  }

  @Test
  void officersAdministerNobody() {
    assertThatThrownBy(
            () -> policy.requireAssignable(officer, Role.VILLAGE_OFFICER, "120101001001"))
        .isInstanceOfSatisfying(
            UserAdministrationException.class,
            e -> assertThat(e.messageKey()).isEqualTo("identity.error.notAnAdministrator"));
  }

  @Test
  void usersOutsideTheTerritoryAreReportedAsNotFound() {
    User elsewhere = user(9, Role.STREET_OFFICER, "120111001");

    assertThatThrownBy(() -> policy.requireManageable(districtAdmin, elsewhere))
        .isInstanceOfSatisfying(
            UserAdministrationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    assertThatNoException()
        .isThrownBy(
            () ->
                policy.requireManageable(
                    districtAdmin, user(10, Role.STREET_OFFICER, "120101002")));
  }

  @Test
  void administratorsCannotDisableThemselves() {
    assertThatThrownBy(
            () -> policy.requireNotSelf(districtAdmin, user(1, Role.DISTRICT_ADMIN, "120101")))
        .isInstanceOfSatisfying(
            UserAdministrationException.class,
            e -> assertThat(e.messageKey()).isEqualTo("identity.error.disableSelf"));
  }

  @Test
  void passwordsNeedTenCharactersAndMustDifferFromTheUsername() {
    assertThatThrownBy(() -> UserPolicy.requireStrongPassword("short", "someone"))
        .isInstanceOf(UserAdministrationException.class);
    assertThatThrownBy(() -> UserPolicy.requireStrongPassword("Long.Username", "long.username"))
        .isInstanceOf(UserAdministrationException.class);
    assertThatNoException()
        .isThrownBy(() -> UserPolicy.requireStrongPassword("ten-chars!", "someone"));
  }

  @Test
  void aNewPasswordLiftsALock() {
    User locked =
        new User(
            5L,
            "x",
            "h",
            "x",
            Role.STREET_OFFICER,
            "120101001",
            null,
            true,
            3,
            java.time.Instant.now().plusSeconds(600),
            java.time.Instant.now(),
            0);
    assertThat(locked.isLocked(java.time.Instant.now())).isTrue();

    locked.changePassword("new-hash");

    assertThat(locked.view().locked()).isFalse();
    assertThat(locked.view().failedAttempts()).isZero();
  }

  @Test
  void generatedPasswordsAreLongEnoughAndDiffer() {
    String one = PasswordGenerator.generate();

    assertThat(one).hasSize(18);
    assertThat(PasswordGenerator.generate()).isNotEqualTo(one);
    assertThatNoException().isThrownBy(() -> UserPolicy.requireStrongPassword(one, "someone"));
  }

  private static Actor actor(long id, Role role, String territory) {
    return new Actor(id, "u" + id, "U" + id, role, new Scope(territory, null));
  }

  private static User user(long id, Role role, String territory) {
    return new User(
        id,
        "u" + id,
        "hash",
        "U" + id,
        role,
        territory,
        null,
        true,
        0,
        null,
        java.time.Instant.now(),
        0);
  }
}
