package cn.anwang.shared.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

  // GB 11643's published example: 11010519491231002X
  static final String EXAMPLE = "11010519491231002X";

  @Test
  void acceptsAValidNumberAndComputesTheCheckCharacter() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.problem(EXAMPLE)).isEmpty();
    // the weighted sum is 106; 106 mod 11 = 7, and "10X98765432".charAt(7) = '5'
    assertThat(ResidentIdNumber.checkCharacter("10101019900101001")).isEqualTo('5');
    assertThat(ResidentIdNumber.isValid("101010199001010015")).isTrue();
  }

  @Test
  void aLowerCaseXIsTheSameNumber() {
    assertThat(ResidentIdNumber.isValid(" 11010519491231002x ")).isTrue();
    assertThat(ResidentIdNumber.normalise(" 11010519491231002x ")).isEqualTo(EXAMPLE);
    assertThat(ResidentIdNumber.tail("11010519491231002x")).isEqualTo("002X");
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertThat(ResidentIdNumber.problem("110105194912310021"))
        .contains(ResidentIdNumber.Problem.CHECK_DIGIT);
    assertThat(ResidentIdNumber.problem("101010199001010016"))
        .contains(ResidentIdNumber.Problem.CHECK_DIGIT);
  }

  @Test
  void refusesOldFifteenDigitNumbersAndOtherLengths() {
    assertThat(ResidentIdNumber.problem("110105491231002"))
        .contains(ResidentIdNumber.Problem.LENGTH);
    assertThat(ResidentIdNumber.problem("")).contains(ResidentIdNumber.Problem.LENGTH);
    assertThat(ResidentIdNumber.problem(null)).contains(ResidentIdNumber.Problem.LENGTH);
  }

  @Test
  void refusesLettersAndImpossibleBirthDates() {
    assertThat(ResidentIdNumber.problem("1101051949123100AX"))
        .contains(ResidentIdNumber.Problem.CHARACTERS);
    String feb30 = "11010519490230002";
    assertThat(ResidentIdNumber.problem(feb30 + ResidentIdNumber.checkCharacter(feb30)))
        .contains(ResidentIdNumber.Problem.BIRTH_DATE);
    String future = "11010530000101002";
    assertThat(ResidentIdNumber.problem(future + ResidentIdNumber.checkCharacter(future)))
        .contains(ResidentIdNumber.Problem.BIRTH_DATE);
  }

  @Test
  void masksToTheLastFourCharacters() {
    assertThat(ResidentIdNumber.masked("002X")).isEqualTo("****002X");
    assertThat(ResidentIdNumber.masked(null)).isNull();
    assertThat(PhoneNumbers.masked("13812345678")).isEqualTo("138****5678");
    assertThat(PhoneNumbers.isValid("13812345678")).isTrue();
    assertThat(PhoneNumbers.isValid("022-23456789")).isTrue();
    assertThat(PhoneNumbers.isValid("12345")).isFalse();
  }

  @Test
  void encryptsWithAFreshNonceDecryptsAndHashesTheNormalisedNumber() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    PiiProtector pii = PiiProtector.withKey(key);
    PiiProtector.ProtectedIdNumber a = pii.protectIdNumber("11010519491231002x");
    PiiProtector.ProtectedIdNumber b = pii.protectIdNumber(EXAMPLE);
    assertThat(a.cipher()).isNotEqualTo(b.cipher());
    assertThat(new String(a.cipher(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("19491231");
    assertThat(pii.decrypt(a.cipher())).isEqualTo(EXAMPLE);
    assertThat(a.hash()).isEqualTo(b.hash()).hasSize(64);
    assertThat(a.tail()).isEqualTo("002X");

    byte[] other = key.clone();
    other[0] ^= 1;
    PiiProtector wrong = PiiProtector.withKey(other);
    assertThat(wrong.idNumberHash(EXAMPLE)).isNotEqualTo(a.hash());
    assertThatThrownBy(() -> wrong.decrypt(a.cipher())).isInstanceOf(IllegalStateException.class);
    byte[] altered = a.cipher().clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> pii.decrypt(altered)).isInstanceOf(IllegalStateException.class);
  }
}
