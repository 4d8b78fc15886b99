package cn.anwang.org.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class OrgPolicyTest {

  static Actor actor(Role role, String territory) {
    return new Actor(1, "u", "U", role, new Scope(territory, null));
  }

  @Test
  void theCityAdministratorSeesAndChangesEverything() {
    Actor city = actor(Role.CITY_ADMIN, "12");
    assertThat(OrgPolicy.districtOf(city)).isNull();
    assertThat(OrgPolicy.sees(city, "120111")).isTrue();
    assertThat(OrgPolicy.mayChange(city, null)).isTrue();
    assertThat(OrgPolicy.mayChange(city, "120111")).isTrue();
  }

  @Test
  void aDistrictAdministratorChangesOnlyTheirDistrict() {
    Actor heping = actor(Role.DISTRICT_ADMIN, "120101");
    assertThat(OrgPolicy.sees(heping, null)).isTrue();
    assertThat(OrgPolicy.sees(heping, "120101")).isTrue();
    assertThat(OrgPolicy.sees(heping, "120111")).isFalse();
    assertThat(OrgPolicy.mayChange(heping, "120101")).isTrue();
    assertThat(OrgPolicy.mayChange(heping, null)).isFalse();
    assertThatThrownBy(() -> OrgPolicy.requireMayChange(heping, null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void streetUsersSeeTheirDistrictButChangeNothing() {
    Actor street = actor(Role.STREET_ADMIN, "120101001");
    assertThat(OrgPolicy.districtOf(street)).isEqualTo("120101");
    assertThat(OrgPolicy.sees(street, "120101")).isTrue();
    assertThat(OrgPolicy.mayChange(street, "120101")).isFalse();
    assertThat(OrgPolicy.mayChangeAny(street)).isFalse();
  }
}
