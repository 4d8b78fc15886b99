package cn.anwang.org.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndustryCodesTest {

  @Test
  void acceptsSectionLettersAndTwoToFourDigitPrefixes() {
    assertThat(IndustryCodes.isPrefix("C")).isTrue();
    assertThat(IndustryCodes.isPrefix("T")).isTrue();
    assertThat(IndustryCodes.isPrefix("26")).isTrue();
    assertThat(IndustryCodes.isPrefix("261")).isTrue();
    assertThat(IndustryCodes.isPrefix("2614")).isTrue();
  }

  @Test
  void rejectsOtherShapes() {
    for (String bad : new String[] {"", "2", "26145", "U", "c", "C26", "2a", " 26", null}) {
      assertThat(IndustryCodes.isPrefix(bad)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void rejectsCodesTheClassificationDoesNotHave() {
    // well-formed, but GB/T 4754-2017 has no division 98 or 99, and division 26 is not mining (B)
    assertThat(IndustryCodes.isPrefix("98")).isFalse();
    assertThat(IndustryCodes.isPrefix("9901")).isFalse();
    assertThat(IndustryCodes.isCode("99")).isFalse();
    assertThat(IndustryCodes.isCode("B2614")).isFalse();
  }

  @Test
  void knowsTheSectionOfEveryDivision() {
    assertThat(IndustryCodes.sectionOf(1)).isEqualTo('A');
    assertThat(IndustryCodes.sectionOf(13)).isEqualTo('C');
    assertThat(IndustryCodes.sectionOf(43)).isEqualTo('C');
    assertThat(IndustryCodes.sectionOf(47)).isEqualTo('E');
    assertThat(IndustryCodes.sectionOf(50)).isEqualTo('E');
    assertThat(IndustryCodes.sectionOf(52)).isEqualTo('F');
    assertThat(IndustryCodes.sectionOf(54)).isEqualTo('G');
    assertThat(IndustryCodes.sectionOf(90)).isEqualTo('R');
    assertThat(IndustryCodes.sectionOf(97)).isEqualTo('T');
    assertThat(IndustryCodes.sectionOf(98)).isEqualTo((char) 0);
  }

  @Test
  void objectCodesMayCarryTheirSectionLetter() {
    assertThat(IndustryCodes.isCode("2614")).isTrue();
    assertThat(IndustryCodes.isCode("C2614")).isTrue();
    assertThat(IndustryCodes.isCode("C")).isTrue();
    assertThat(IndustryCodes.isCode("C26145")).isFalse();
    assertThat(IndustryCodes.matches("C2614", "26")).isTrue();
    assertThat(IndustryCodes.matches("C2614", "C")).isTrue();
    assertThat(IndustryCodes.matches("C2614", "D")).isFalse();
  }
}
