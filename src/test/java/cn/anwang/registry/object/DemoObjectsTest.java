package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.shared.supervision.ObjectKind;
import cn.anwang.shared.uscc.UnifiedSocialCreditCode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoObjectsTest {

  @Test
  void makesAMixOfKindsWithValidCodesAndMobileNumbers() {
    DemoObjects demo = new DemoObjects(1);
    Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
    Set<String> industries = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      DemoObjects.Draft d = demo.next("120101", "和平区");
      kinds.add(d.kind());
      if (d.industryCode() != null) {
        industries.add(d.industryCode());
      }
      assertThat(d.name()).isNotBlank();
      assertThat(d.address()).startsWith("天津市和平区");
      assertThat(d.contactPhone()).matches("1\\d{10}");
      if (d.uscc() != null) {
        assertThat(UnifiedSocialCreditCode.isValid(d.uscc())).as(d.uscc()).isTrue();
        assertThat(d.uscc().substring(2, 8)).isEqualTo("120101");
      }
      if (d.kind() == ObjectKind.ENTERPRISE) {
        assertThat(d.uscc()).isNotNull();
      }
    }
    assertThat(kinds).containsAll(EnumSet.allOf(ObjectKind.class));
    assertThat(industries).hasSizeGreaterThan(10);
  }

  @Test
  void theSameSeedGivesTheSameObjects() {
    assertThat(new DemoObjects(5).next("120111", "西青区"))
        .isEqualTo(new DemoObjects(5).next("120111", "西青区"));
  }
}
