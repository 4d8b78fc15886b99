package cn.anwang.shared.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryClassificationTest {

  static final IndustryClassification SHIPPED = IndustryClassification.load();

  @Test
  void shipsAllTwentySectionsAndNinetySevenDivisions() {
    assertThat(SHIPPED.counts())
        .containsEntry(IndustryLevel.SECTION, 20)
        .containsEntry(IndustryLevel.DIVISION, 97);
    assertThat(SHIPPED.atLevel(IndustryLevel.SECTION))
        .extracting(Industry::code)
        .containsExactly(
            "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
            "R", "S", "T");
  }

  @Test
  void putsEveryDivisionInTheSectionTheStandardGivesIt() {
    // GB/T 4754-2017, section 5: the divisions each section covers.
    String[][] ranges = {
      {"A", "01", "05"}, {"B", "06", "12"}, {"C", "13", "43"}, {"D", "44", "46"},
      {"E", "47", "50"}, {"F", "51", "52"}, {"G", "53", "60"}, {"H", "61", "62"},
      {"I", "63", "65"}, {"J", "66", "69"}, {"K", "70", "70"}, {"L", "71", "72"},
      {"M", "73", "75"}, {"N", "76", "79"}, {"O", "80", "82"}, {"P", "83", "83"},
      {"Q", "84", "85"}, {"R", "86", "90"}, {"S", "91", "96"}, {"T", "97", "97"}
    };
    int checked = 0;
    for (String[] range : ranges) {
      for (int d = Integer.parseInt(range[1]); d <= Integer.parseInt(range[2]); d++) {
        String division = String.format("%02d", d);
        assertThat(SHIPPED.find(division))
            .as("division %s", division)
            .hasValueSatisfying(
                entry -> {
                  assertThat(entry.level()).isEqualTo(IndustryLevel.DIVISION);
                  assertThat(entry.section()).isEqualTo(range[0]);
                  assertThat(entry.parent()).isEqualTo(range[0]);
                });
        checked++;
      }
    }
    assertThat(checked).isEqualTo(97);
  }

  @Test
  void namesEverySectionAndDivisionInChineseAndEnglish() {
    assertThat(SHIPPED.all())
        .allSatisfy(
            entry -> {
              assertThat(entry.nameZh()).isNotBlank();
              assertThat(entry.nameEn()).isNotBlank();
            });
    assertThat(SHIPPED.find("C").orElseThrow().nameZh()).isEqualTo("制造业");
    assertThat(SHIPPED.find("26").orElseThrow().nameZh()).isEqualTo("化学原料和化学制品制造业");
  }

  @ParameterizedTest
  @CsvSource({
    "C2614, 2614",
    "c 2614, 2614",
    "2614, 2614",
    "'  C-2614 ', 2614",
    "Ｃ２６１４, 2614",
    "C26, 26",
    "26, 26",
    "C, C",
    "c, C",
    "0111, 0111",
    "A011, 011"
  })
  void normalisesTheFormsPeopleType(String typed, String canonical) {
    IndustryCodeCheck check = SHIPPED.normalise(typed);

    assertThat(check.valid()).as(check.message()).isTrue();
    assertThat(check.code()).isEqualTo(canonical);
  }

  @Test
  void acceptsAClassFinerThanTheTableAndMatchesItsDivision() {
    IndustryCodeCheck check = SHIPPED.normalise("C2614");

    assertThat(check.valid()).isTrue();
    assertThat(check.exact()).isFalse();
    assertThat(check.matched().code()).isEqualTo("26");
    assertThat(SHIPPED.isKnown("2614")).isFalse();
    assertThat(SHIPPED.sectionOf("2614"))
        .hasValueSatisfying(s -> assertThat(s.code()).isEqualTo("C"));
    assertThat(SHIPPED.path("2614")).extracting(Industry::code).containsExactly("C", "26");
  }

  @ParameterizedTest
  @ValueSource(strings = {"98", "00", "9901", "U", "Z", "X99"})
  void rejectsUnknownCodes(String typed) {
    IndustryCodeCheck check = SHIPPED.normalise(typed);

    assertThat(check.problem()).isEqualTo(IndustryProblem.UNKNOWN_CODE);
    assertThat(check.message()).contains("not in the classification");
    assertThat(SHIPPED.isKnown(typed)).isFalse();
    assertThat(SHIPPED.sectionOf(typed)).isEmpty();
    assertThat(SHIPPED.path(typed)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"2", "26145", "C2614A", "化工", "CC", "26.14", "   "})
  void rejectsWhatIsNotShapedLikeACode(String typed) {
    IndustryCodeCheck check = SHIPPED.normalise(typed);

    assertThat(check.problem()).isEqualTo(IndustryProblem.MALFORMED);
    assertThat(check.code()).isNull();
    assertThat(check.arguments()).hasSize(1);
  }

  @Test
  void rejectsASectionLetterThatIsNotTheCodesOwn() {
    IndustryCodeCheck check = SHIPPED.normalise("B2614");

    assertThat(check.problem()).isEqualTo(IndustryProblem.SECTION_MISMATCH);
    assertThat(check.arguments()).containsExactly("B2614", "C");
    assertThat(check.message()).contains("section C");
  }

  @Test
  void listsChildrenInTheOrderOfTheStandard() {
    assertThat(SHIPPED.children("C"))
        .extracting(Industry::code)
        .startsWith("13", "14")
        .endsWith("43")
        .hasSize(31);
    assertThat(SHIPPED.children("K")).extracting(Industry::code).containsExactly("70");
    assertThat(SHIPPED.children("26")).isEmpty();
    assertThat(SHIPPED.children("98")).isEmpty();
  }

  @Test
  void walksThePathFromTheSection() {
    assertThat(SHIPPED.path("c")).extracting(Industry::code).containsExactly("C");
    assertThat(SHIPPED.path("54")).extracting(Industry::code).containsExactly("G", "54");
    assertThat(SHIPPED.find("54").orElseThrow().qualifiedCode()).isEqualTo("G54");
  }

  // A table that lists classes under one group: there, an unlisted class is unknown, not accepted.
  static final String WITH_CLASSES =
      """
      code,level,parent,name_zh,name_en
      C,SECTION,,制造业,Manufacturing
      26,DIVISION,C,化学原料和化学制品制造业,
      261,GROUP,26,基础化学原料制造,
      2614,CLASS,261,有机化学原料制造,
      27,DIVISION,C,医药制造业,
      """;

  @Test
  void rejectsACodeMissingFromALevelTheTableLists() {
    IndustryClassification table = load(WITH_CLASSES);

    assertThat(table.normalise("C2614").exact()).isTrue();
    assertThat(table.normalise("2615").problem()).isEqualTo(IndustryProblem.UNKNOWN_CODE);
    assertThat(table.normalise("262").problem()).isEqualTo(IndustryProblem.UNKNOWN_CODE);
    assertThat(table.normalise("2710").exact()).isFalse();
    assertThat(table.normalise("2710").valid()).isTrue();
    assertThat(table.path("2614"))
        .extracting(Industry::code)
        .containsExactly("C", "26", "261", "2614");
    assertThat(table.children("261")).extracting(Industry::nameZh).containsExactly("有机化学原料制造");
    assertThat(table.find("26").orElseThrow().nameEn()).isNull();
  }

  @Test
  void refusesADuplicateCode() {
    assertThatThrownBy(() -> load(WITH_CLASSES + "26,DIVISION,C,又一个,\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 7")
        .hasMessageContaining("duplicate code 26");
  }

  @Test
  void refusesAnEntryWhoseParentIsMissingOrAtTheWrongLevel() {
    assertThatThrownBy(() -> load(WITH_CLASSES + "2811,CLASS,281,化纤浆粕制造,\n"))
        .hasMessageContaining("parent 281");
    assertThatThrownBy(() -> load(WITH_CLASSES + "2720,CLASS,27,化学药品制剂制造,\n"))
        .hasMessageContaining("not one level above");
  }

  @Test
  void refusesACodeThatDoesNotFitItsLevelOrParent() {
    assertThatThrownBy(() -> load(WITH_CLASSES + "275,CLASS,27,兽用药品制造,\n"))
        .hasMessageContaining("does not fit level CLASS");
    assertThatThrownBy(() -> load(WITH_CLASSES + "281,GROUP,27,错挂,\n"))
        .hasMessageContaining("does not start with its parent's code");
    assertThatThrownBy(() -> load("code,name\nC,制造业\n")).hasMessageContaining("must start with");
  }

  static IndustryClassification load(String csv) {
    return IndustryClassification.load(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }
}
