package cn.anwang.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainedFieldsTest {

  static final Instant AT = Instant.parse("2026-11-29T06:00:00.123456Z");

  static ChainedFields entry(String prev, String actor, String after) {
    return new ChainedFields(
        7, prev, AT, actor, "user.update", "user", "3", "120101", null, after, "127.0.0.1");
  }

  @Test
  void hashIsAStableSha256HexOfTheFields() {
    String hash = entry(ChainedFields.GENESIS, "admin", "{\"a\": 1}").hash();

    assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(entry(ChainedFields.GENESIS, "admin", "{\"a\": 1}").hash()).isEqualTo(hash);
  }

  @Test
  void anyChangedFieldOrPredecessorChangesTheHash() {
    String hash = entry(ChainedFields.GENESIS, "admin", "{\"a\": 1}").hash();

    assertThat(entry(ChainedFields.GENESIS, "admin", "{\"a\": 2}").hash()).isNotEqualTo(hash);
    assertThat(entry(ChainedFields.GENESIS, "admim", "{\"a\": 1}").hash()).isNotEqualTo(hash);
    assertThat(entry("f".repeat(64), "admin", "{\"a\": 1}").hash()).isNotEqualTo(hash);
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    ChainedFields a =
        new ChainedFields(
            1, ChainedFields.GENESIS, AT, "ab", "c", null, null, "12", null, null, null);
    ChainedFields b =
        new ChainedFields(
            1, ChainedFields.GENESIS, AT, "a", "bc", null, null, "12", null, null, null);

    assertThat(a.hash()).isNotEqualTo(b.hash());
  }
}
