package cn.anwang.org.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.org.responsibility.OrgRejected.FieldError;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void parsesKnownNamesFromListsAndCommaSeparatedValues() {
    Conditions conditions = new Conditions();
    assertThat(conditions.hazards("hazards", List.of("GAS_USE, crowded_place", "GAS_USE")))
        .containsExactlyInAnyOrder(HazardFeature.GAS_USE, HazardFeature.CROWDED_PLACE);
    assertThat(conditions.kinds("kinds", List.of("SMALL_SHOP")))
        .containsExactly(ObjectKind.SMALL_SHOP);
    assertThat(conditions.industryPrefixes("p", List.of("e", "47,48")))
        .containsExactly("E", "47", "48");
    assertThat(conditions.errors()).isEmpty();
  }

  @Test
  void collectsEveryUnknownValueWithItsField() {
    Conditions conditions = new Conditions();
    conditions.hazards("hazards", List.of("RADIOACTIVE"));
    conditions.kinds("kinds", List.of("FACTORY"));
    conditions.industryPrefixes("industryPrefixes", List.of("X1", "5"));
    conditions.districtCode("districtCode", "110101");
    assertThat(conditions.errors())
        .extracting(FieldError::field)
        .containsExactly(
            "hazards", "kinds", "industryPrefixes", "industryPrefixes", "districtCode");
    assertThat(conditions.errors().get(0).message()).contains("RADIOACTIVE");
    assertThatThrownBy(conditions::throwIfInvalid)
        .isInstanceOf(OrgRejected.class)
        .hasMessageContaining("FACTORY");
  }

  @Test
  void readsBlankAndTheCityCodeAsCityLevel() {
    Conditions conditions = new Conditions();
    assertThat(conditions.districtCode("d", null)).isNull();
    assertThat(conditions.districtCode("d", " ")).isNull();
    assertThat(conditions.districtCode("d", "12")).isNull();
    assertThat(conditions.districtCode("d", "120101")).isEqualTo("120101");
    assertThat(conditions.errors()).isEmpty();
  }
}
