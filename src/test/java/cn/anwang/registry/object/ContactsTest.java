package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import org.junit.jupiter.api.Test;

class ContactsTest {

  static Actor actor(Role role) {
    return new Actor(1, "u", "U", role, new Scope("120101", null));
  }

  @Test
  void masksPhonesKeepingPrefixAndLastFourDigits() {
    assertThat(Contacts.maskPhone("13812345678")).isEqualTo("138****5678");
    assertThat(Contacts.maskPhone("022-2345678")).isEqualTo("022****5678");
    assertThat(Contacts.maskPhone("2345678")).isEqualTo("*****78");
    assertThat(Contacts.maskPhone(null)).isNull();
  }

  @Test
  void masksNamesKeepingTheFamilyName() {
    assertThat(Contacts.maskName("张三丰")).isEqualTo("张**");
    assertThat(Contacts.maskName("李")).isEqualTo("李*");
    assertThat(Contacts.maskName(null)).isNull();
  }

  @Test
  void administratorsAndDepartmentStaffSeeContactsOfficersAndAuditorsDoNot() {
    assertThat(Contacts.mayReveal(actor(Role.DISTRICT_ADMIN))).isTrue();
    assertThat(Contacts.mayReveal(actor(Role.STREET_ADMIN))).isTrue();
    assertThat(Contacts.mayReveal(actor(Role.DEPARTMENT_STAFF))).isTrue();
    assertThat(Contacts.mayReveal(actor(Role.STREET_OFFICER))).isFalse();
    assertThat(Contacts.mayReveal(actor(Role.VILLAGE_OFFICER))).isFalse();
    assertThat(Contacts.mayReveal(actor(Role.AUDITOR))).isFalse();
    assertThat(Contacts.mayReveal(actor(Role.THIRD_PARTY))).isFalse();
  }
}
