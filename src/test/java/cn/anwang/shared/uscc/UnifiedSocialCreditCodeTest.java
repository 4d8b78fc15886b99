package cn.anwang.shared.uscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

  // Codes of well-known enterprises as shown in their public registrations (National Enterprise
  // Credit Information Publicity System, gsxt.gov.cn, and the companies' own disclosures):
  // 华为技术有限公司, 小米科技有限责任公司, 腾讯科技（深圳）有限公司, 深圳市腾讯计算机系统有限公司,
  // 阿里巴巴（中国）有限公司. Each passes both checks independently of this code's author, which
  // a mis-remembered code would do by chance once in 341 times.
  static final String HUAWEI = "914403001922038216";
  static final String XIAOMI = "91110108551385082Q";
  static final String TENCENT_TECHNOLOGY = "9144030071526726XG";
  static final String TENCENT_COMPUTER = "91440300708461136T";
  static final String ALIBABA_CHINA = "91330100799655058B";

  @ParameterizedTest
  @ValueSource(strings = {HUAWEI, XIAOMI, TENCENT_TECHNOLOGY, TENCENT_COMPUTER, ALIBABA_CHINA})
  void acceptsPublishedCodesOfWellKnownEnterprises(String code) {
    UsccCheck check = UnifiedSocialCreditCode.check(code);

    assertThat(check.valid()).isTrue();
    assertThat(check.problems()).isEmpty();
    assertThat(check.code()).isEqualTo(code);
    assertThat(check.upperCaseForm()).isNull();
  }

  @Test
  void readsAuthorityCategoryAndRegion() {
    UsccCheck check = UnifiedSocialCreditCode.check(XIAOMI);

    assertThat(check.authority()).isEqualTo(RegistrationAuthority.MARKET_REGULATION);
    assertThat(check.category().nameZh()).isEqualTo("企业");
    assertThat(check.regionCode()).isEqualTo("110108");
    assertThat(check.inTianjin()).isFalse();
  }

  @Test
  void knowsACodeFromTianjin() {
    String binhai = new UsccGenerator(new java.util.Random(7)).nextEnterprise("120116");

    UsccCheck check = UnifiedSocialCreditCode.check(binhai);

    assertThat(check.regionCode()).isEqualTo("120116");
    assertThat(check.inTianjin()).isTrue();
  }

  @Test
  void readsSocialOrganisationsRegisteredWithCivilAffairs() {
    String first17 =
        "51120000MA05AB12" + UnifiedSocialCreditCode.organisationCheckDigit("MA05AB12");
    String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);

    UsccCheck check = UnifiedSocialCreditCode.check(code);

    assertThat(check.valid()).isTrue();
    assertThat(check.authority()).isEqualTo(RegistrationAuthority.CIVIL_AFFAIRS);
    assertThat(check.category().nameZh()).isEqualTo("社会团体");
  }

  @Test
  void rejectsAWrongCheckCharacterAndNamesTheExpectedOne() {
    UsccCheck check = UnifiedSocialCreditCode.check("914403001922038217");

    assertThat(check.valid()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(UsccProblemKind.WRONG_CHECK_CHARACTER);
              assertThat(p.arguments()).containsExactly("7", "6");
              assertThat(p.message()).contains("'7'").contains("'6'");
            });
  }

  @Test
  void rejectsA17CharacterCodeAndSaysItsLength() {
    UsccCheck check = UnifiedSocialCreditCode.check(HUAWEI.substring(0, 17));

    assertThat(check.valid()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(UsccProblemKind.WRONG_LENGTH);
              assertThat(p.arguments()).containsExactly(17);
              assertThat(p.message()).contains("17 characters");
            });
  }

  @Test
  void rejectsA19CharacterCodeAndSaysItsLength() {
    UsccCheck check = UnifiedSocialCreditCode.check(HUAWEI + "0");

    assertThat(check.problem(UsccProblemKind.WRONG_LENGTH))
        .hasValueSatisfying(p -> assertThat(p.message()).contains("19 characters"));
    assertThat(check.problems()).hasSize(1);
  }

  @Test
  void rejectsAnEmptyOrMissingCode() {
    assertThat(UnifiedSocialCreditCode.check(null).problems())
        .extracting(UsccProblem::kind)
        .containsExactly(UsccProblemKind.WRONG_LENGTH);
    assertThat(UnifiedSocialCreditCode.check("   ").code()).isEmpty();
  }

  @Test
  void trimsSurroundingWhiteSpace() {
    UsccCheck check = UnifiedSocialCreditCode.check("  " + XIAOMI + "\t\n");

    assertThat(check.valid()).isTrue();
    assertThat(check.code()).isEqualTo(XIAOMI);
  }

  @Test
  void reportsLowercaseLettersWithoutSilentlyFixingThem() {
    UsccCheck check = UnifiedSocialCreditCode.check("91110108551385082q");

    assertThat(check.valid()).isFalse();
    assertThat(check.code()).isEqualTo("91110108551385082q");
    assertThat(check.upperCaseForm()).isEqualTo(XIAOMI);
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(UsccProblemKind.LOWERCASE);
              assertThat(p.arguments()).containsExactly(XIAOMI);
              assertThat(p.message()).contains(XIAOMI);
            });
  }

  @Test
  void reportsALowercaseCodeThatWouldStillBeWrongInCapitals() {
    UsccCheck check = UnifiedSocialCreditCode.check("9144030071526726xh");

    assertThat(check.problems())
        .extracting(UsccProblem::kind)
        .containsExactly(UsccProblemKind.LOWERCASE, UsccProblemKind.WRONG_CHECK_CHARACTER);
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
  void rejectsACodeWithALetterOutsideTheAlphabet(char letter) {
    String code = HUAWEI.substring(0, 9) + letter + HUAWEI.substring(10);

    UsccCheck check = UnifiedSocialCreditCode.check(code);

    assertThat(check.valid()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(UsccProblemKind.ILLEGAL_CHARACTER);
              assertThat(p.arguments()).containsExactly(String.valueOf(letter), 10);
              assertThat(p.message()).contains("'" + letter + "'").contains("position 10");
            });
  }

  @Test
  void keepsPositionsOfLettersWhoseCapitalsAreLonger() {
    UsccCheck check = UnifiedSocialCreditCode.check("ß1110108551385082Q");

    assertThat(check.problem(UsccProblemKind.ILLEGAL_CHARACTER))
        .hasValueSatisfying(p -> assertThat(p.arguments()).containsExactly("ß", 1));
  }

  @Test
  void rejectsFullWidthDigitsAsIllegalCharacters() {
    UsccCheck check = UnifiedSocialCreditCode.check("９1110108551385082Q");

    assertThat(check.problem(UsccProblemKind.ILLEGAL_CHARACTER))
        .hasValueSatisfying(p -> assertThat(p.arguments()).containsExactly("９", 1));
  }

  @Test
  void rejectsACodeWithTheLetterOInPlaceOfZero() {
    UsccCheck check = UnifiedSocialCreditCode.check("91110108551385O82Q");

    assertThat(check.problem(UsccProblemKind.ILLEGAL_CHARACTER))
        .hasValueSatisfying(p -> assertThat(p.arguments()).containsExactly("O", 15));
  }

  @Test
  void namesEveryIllegalCharacterEvenInACodeOfTheWrongLength() {
    UsccCheck check = UnifiedSocialCreditCode.check("9111-0108 55138508");

    assertThat(check.problems())
        .extracting(UsccProblem::kind)
        .containsExactly(UsccProblemKind.ILLEGAL_CHARACTER, UsccProblemKind.ILLEGAL_CHARACTER);
    assertThat(check.problems().get(0).arguments()).containsExactly("-", 5);
    assertThat(check.problems().get(1).arguments()).containsExactly(" ", 10);
  }

  @Test
  void rejectsAWrongOrganisationCodeCheckEvenWhenTheCheckCharacterFits() {
    // Huawei's organisation code 19220382-1 with its check digit replaced by 2, and a check
    // character recomputed so that only the embedded check fails.
    String first17 = "91440300192203822";
    String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);

    UsccCheck check = UnifiedSocialCreditCode.check(code);

    assertThat(check.valid()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(UsccProblemKind.WRONG_ORGANISATION_CODE_CHECK);
              assertThat(p.arguments()).containsExactly("2", "1");
            });
  }

  @Test
  void computesOrganisationCheckDigitsIncludingXAndZero() {
    assertThat(UnifiedSocialCreditCode.organisationCheckDigit("19220382")).isEqualTo('1');
    assertThat(UnifiedSocialCreditCode.organisationCheckDigit("71526726")).isEqualTo('X');
    assertThat(UnifiedSocialCreditCode.organisationCheckDigit("00000000")).isEqualTo('0');
    // letters count as A=10 … Z=35 in GB 11714: M=22, A=10
    assertThat(UnifiedSocialCreditCode.organisationCheckDigit("MA000000"))
        .isEqualTo((char) ('0' + (11 - (22 * 3 + 10 * 7) % 11)));
  }

  @Test
  void computesTheCheckCharacterOfTheFirst17() {
    assertThat(UnifiedSocialCreditCode.checkCharacter(HUAWEI.substring(0, 17))).isEqualTo('6');
    assertThat(UnifiedSocialCreditCode.checkCharacter(TENCENT_TECHNOLOGY.substring(0, 17)))
        .isEqualTo('G');
    assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9144030019220382"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesAuthorityEmptyForAnUnpublishedFirstCharacter() {
    String first17 =
        "B1120000" + "12345678" + UnifiedSocialCreditCode.organisationCheckDigit("12345678");
    UsccCheck check =
        UnifiedSocialCreditCode.check(first17 + UnifiedSocialCreditCode.checkCharacter(first17));

    assertThat(check.valid()).isTrue();
    assertThat(check.authority()).isNull();
    assertThat(check.category()).isNull();
  }

  @Test
  void hasAChineseAndAnEnglishMessageForEveryProblem() throws IOException {
    Properties zh = load("i18n/industry.properties");
    Properties en = load("i18n/industry_en.properties");
    for (UsccProblemKind kind : UsccProblemKind.values()) {
      assertThat(zh.getProperty(kind.messageKey())).as(kind.messageKey()).isNotBlank();
      assertThat(en.getProperty(kind.messageKey())).as(kind.messageKey()).isNotBlank();
    }
  }

  static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        UnifiedSocialCreditCodeTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
