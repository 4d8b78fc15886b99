package cn.anwang.shared.uscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UsccGeneratorTest {

  /** Tianjin's district codes (GB/T 2260) and the city itself. */
  static final List<String> TIANJIN =
      List.of(
          "120000", "120101", "120102", "120103", "120104", "120105", "120106", "120110", "120111",
          "120112", "120113", "120114", "120115", "120116", "120117", "120118", "120119");

  @Property(tries = 2000)
  void everyGeneratedCodeValidates(
      @ForAll long seed, @ForAll("regions") String region, @ForAll("kinds") Kind kind) {
    String code = new UsccGenerator(new Random(seed)).next(region, kind.authority, kind.category);

    UsccCheck check = UnifiedSocialCreditCode.check(code);

    assertThat(check.valid()).as(code + " " + check.problems()).isTrue();
    assertThat(check.regionCode()).isEqualTo(region);
    assertThat(check.authority()).isEqualTo(kind.authority);
    assertThat(check.category().code()).isEqualTo(kind.category);
    assertThat(check.inTianjin()).isEqualTo(region.startsWith("12"));
  }

  @Property(tries = 3000)
  void detectsAnySingleCharacterChange(
      @ForAll long seed,
      @ForAll("regions") String region,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll @CharRange(from = ' ', to = '~') char replacement) {
    String code = new UsccGenerator(new Random(seed)).nextEnterprise(region);
    String changed = code.substring(0, position) + replacement + code.substring(position + 1);
    if (changed.equals(code)) {
      return;
    }

    assertThat(UnifiedSocialCreditCode.check(changed).valid()).as(changed).isFalse();
  }

  @Property(tries = 500)
  void detectsAnyDroppedOrDoubledCharacter(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 17) int position) {
    String code = new UsccGenerator(new Random(seed)).nextEnterprise("120116");
    String dropped = code.substring(0, position) + code.substring(position + 1);
    String doubled = code.substring(0, position + 1) + code.substring(position);

    assertThat(UnifiedSocialCreditCode.check(dropped).has(UsccProblemKind.WRONG_LENGTH)).isTrue();
    assertThat(UnifiedSocialCreditCode.check(doubled).has(UsccProblemKind.WRONG_LENGTH)).isTrue();
  }

  @Property(tries = 1000)
  void answersAnyInputWithoutFailing(@ForAll String anything) {
    UsccCheck check = UnifiedSocialCreditCode.check(anything);

    assertThat(check.valid()).isEqualTo(check.problems().isEmpty());
  }

  @Test
  void sameSeedGivesTheSameCodes() {
    List<String> first = codes(42);
    List<String> again = codes(42);

    assertThat(again).isEqualTo(first);
    assertThat(codes(43)).isNotEqualTo(first);
  }

  @Test
  void refusesACategoryTheAuthorityDoesNotIssue() {
    UsccGenerator generator = new UsccGenerator(new Random(1));

    assertThatThrownBy(() -> generator.next("120116", RegistrationAuthority.MARKET_REGULATION, '9'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.nextEnterprise("12011"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> codes(long seed) {
    UsccGenerator generator = new UsccGenerator(new Random(seed));
    return IntStream.range(0, 20).mapToObj(i -> generator.nextEnterprise("120116")).toList();
  }

  @Provide
  Arbitrary<String> regions() {
    return Arbitraries.oneOf(Arbitraries.of(TIANJIN), Arbitraries.strings().numeric().ofLength(6));
  }

  @Provide
  Arbitrary<Kind> kinds() {
    return Arbitraries.of(RegistrationAuthority.values())
        .flatMap(
            authority ->
                Arbitraries.of(authority.categories()).map(c -> new Kind(authority, c.code())));
  }

  record Kind(RegistrationAuthority authority, char category) {}
}
