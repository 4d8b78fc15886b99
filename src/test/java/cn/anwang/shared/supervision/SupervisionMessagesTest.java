package cn.anwang.shared.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every object kind and hazard feature has a label in Chinese and English. */
class SupervisionMessagesTest {

  @Test
  void everyKindAndHazardHasAChineseAndAnEnglishLabel() throws IOException {
    Properties chinese = load("i18n/supervision.properties");
    Properties english = load("i18n/supervision_en.properties");
    for (ObjectKind kind : ObjectKind.values()) {
      assertThat(chinese.getProperty(kind.messageKey())).as(kind.messageKey()).isNotBlank();
      assertThat(english.getProperty(kind.messageKey())).as(kind.messageKey()).isNotBlank();
    }
    for (HazardFeature hazard : HazardFeature.values()) {
      assertThat(chinese.getProperty(hazard.messageKey())).as(hazard.messageKey()).isNotBlank();
      assertThat(english.getProperty(hazard.messageKey())).as(hazard.messageKey()).isNotBlank();
    }
    assertThat(chinese.getProperty("supervision.kind.INDIVIDUAL_BUSINESS")).isEqualTo("个体工商户");
    assertThat(chinese.getProperty("supervision.hazard.DUST_EXPLOSION")).isEqualTo("粉尘涉爆");
  }

  @Test
  void namesAreTheStableOnesOtherModulesStore() {
    assertThat(ObjectKind.values())
        .extracting(Enum::name)
        .containsExactly(
            "ENTERPRISE",
            "INDIVIDUAL_BUSINESS",
            "SMALL_SHOP",
            "SMALL_WORKSHOP",
            "SMALL_ENTERTAINMENT_VENUE",
            "HOUSEHOLD",
            "OTHER");
    assertThat(HazardFeature.values())
        .extracting(Enum::name)
        .contains(
            "HAZARDOUS_CHEMICALS",
            "DUST_EXPLOSION",
            "AMMONIA_REFRIGERATION",
            "CONFINED_SPACE",
            "METAL_SMELTING",
            "GAS_USE",
            "CROWDED_PLACE");
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        SupervisionMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
