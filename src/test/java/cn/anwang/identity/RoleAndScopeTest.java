package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleAndScopeTest {

  @Test
  void administratorsGrantRolesUpToTheirOwnRankOnly() {
    assertThat(Role.CITY_ADMIN.mayGrant(Role.CITY_ADMIN)).isTrue();
    assertThat(Role.DISTRICT_ADMIN.mayGrant(Role.CITY_ADMIN)).isFalse();
    assertThat(Role.DISTRICT_ADMIN.mayGrant(Role.DISTRICT_ADMIN)).isTrue();
    assertThat(Role.STREET_ADMIN.mayGrant(Role.DISTRICT_ADMIN)).isFalse();
    assertThat(Role.STREET_ADMIN.mayGrant(Role.STREET_OFFICER)).isTrue();
  }

  @Test
  void onlyCityDistrictAndStreetAdministratorsAdminister() {
    assertThat(Role.values())
        .filteredOn(Role::isAdministrator)
        .containsExactlyInAnyOrder(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_ADMIN);
  }

  @Test
  void eachAdministratorRoleSitsOnItsOwnLevel() {
    assertThat(Role.CITY_ADMIN.allowsTerritoryLevel("city")).isTrue();
    assertThat(Role.CITY_ADMIN.allowsTerritoryLevel("district")).isFalse();
    assertThat(Role.DISTRICT_ADMIN.allowsTerritoryLevel("district")).isTrue();
    assertThat(Role.DISTRICT_ADMIN.allowsTerritoryLevel("street")).isFalse();
    assertThat(Role.STREET_ADMIN.allowsTerritoryLevel("street")).isTrue();
    assertThat(Role.VILLAGE_OFFICER.allowsTerritoryLevel("village")).isTrue();
    assertThat(Role.VILLAGE_OFFICER.allowsTerritoryLevel("street")).isFalse();
    assertThat(Role.AUDITOR.allowsTerritoryLevel("city")).isTrue();
    assertThat(Role.AUDITOR.allowsTerritoryLevel(null)).isFalse();
  }

  @Test
  void auditReadersAreAuditorsAndCityOrDistrictAdministrators() {
    assertThat(Role.values())
        .filteredOn(Role::mayReadAudit)
        .containsExactlyInAnyOrder(Role.AUDITOR, Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
  }

  @Test
  void authorityCarriesTheSpringRolePrefix() {
    assertThat(Role.STREET_OFFICER.authority()).isEqualTo("ROLE_STREET_OFFICER");
  }

  @Test
  void scopeCoversItsSubtreeByCodePrefix() {
    Scope heping = new Scope("120101", null);

    assertThat(heping.covers("120101")).isTrue();
    assertThat(heping.covers("120101001001")).isTrue();
    assertThat(heping.covers("120111001")).isFalse();
    assertThat(heping.covers("12")).isFalse();
    assertThat(heping.covers(null)).isFalse();
    assertThat(Scope.city().covers("120111001")).isTrue();
  }

  @Test
  void scopeContainsNarrowerScopesOnly() {
    Scope heping = new Scope("120101", null);

    assertThat(heping.contains(new Scope("120101001", "yingji"))).isTrue();
    assertThat(heping.contains(Scope.city())).isFalse();
    assertThat(heping.likePattern()).isEqualTo("120101%");
  }
}
