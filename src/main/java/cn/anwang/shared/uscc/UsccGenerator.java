package cn.anwang.shared.uscc;

import java.util.Random;

/**
 * Makes valid unified social credit codes for demo and benchmark data. The same seed gives the same
 * codes, so generated data sets are reproducible. Not thread-safe (neither is a shared {@link
 * Random} in a useful way): use one per thread.
 */
public final class UsccGenerator {

  /** Characters an organisation code body may use here: the code alphabet's digits and letters. */
  private static final String BODY = UnifiedSocialCreditCode.ALPHABET;

  private final Random random;

  /**
   * @param random the source of randomness; pass a seeded one for reproducible data
   */
  public UsccGenerator(Random random) {
    this.random = random;
  }

  /**
   * A valid code for an enterprise (工商 / 企业) registered in the region.
   *
   * @param regionCode six-digit GB/T 2260 code, e.g. {@code 120116} (Binhai New Area)
   */
  public String nextEnterprise(String regionCode) {
    return next(regionCode, RegistrationAuthority.MARKET_REGULATION, '1');
  }

  /**
   * A valid code for the region, authority and category.
   *
   * @param regionCode six-digit GB/T 2260 code
   * @param authority the registration authority (position 1)
   * @param category the organisation category code (position 2); must be one the authority issues
   * @throws IllegalArgumentException for a malformed region or a category the authority does not
   *     issue
   */
  public String next(String regionCode, RegistrationAuthority authority, char category) {
    if (regionCode == null || !regionCode.matches("\\d{6}")) {
      throw new IllegalArgumentException("Region code must be six digits, got: " + regionCode);
    }
    if (authority.category(category).isEmpty()) {
      throw new IllegalArgumentException(
          "Authority " + authority.code() + " issues no category " + category);
    }
    String body = organisationCodeBody();
    String first17 =
        ""
            + authority.code()
            + category
            + regionCode
            + body
            + UnifiedSocialCreditCode.organisationCheckDigit(body);
    return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
  }

  /**
   * Eight body characters shaped like real ones: codes issued since 2015 mostly read {@code MA}
   * followed by six characters; older ones carry the eight digits of the former organisation code.
   */
  private String organisationCodeBody() {
    StringBuilder body = new StringBuilder(8);
    if (random.nextInt(10) < 6) {
      body.append("MA");
      while (body.length() < 8) {
        body.append(BODY.charAt(random.nextInt(BODY.length())));
      }
    } else {
      while (body.length() < 8) {
        body.append((char) ('0' + random.nextInt(10)));
      }
    }
    return body.toString();
  }
}
