package cn.anwang.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));
  private final VerifiedCredentials verified =
      new VerifiedCredentials(Duration.ofMinutes(5), 3, clock);

  @Test
  void trustsTheSamePasswordForTheSameAccountVersion() {
    verified.remember("alice", "correct horse", 7);

    assertThat(verified.matches("alice", "correct horse", 7)).isTrue();
  }

  @Test
  void neverTrustsAnotherPassword() {
    verified.remember("alice", "correct horse", 7);

    assertThat(verified.matches("alice", "correct horsf", 7)).isFalse();
    assertThat(verified.matches("alice", "", 7)).isFalse();
  }

  @Test
  void forgetsWhenTheAccountChanges() {
    verified.remember("alice", "correct horse", 7);

    assertThat(verified.matches("alice", "correct horse", 8)).isFalse();
  }

  @Test
  void forgetsAfterItsLifetime() {
    verified.remember("alice", "correct horse", 7);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertThat(verified.matches("alice", "correct horse", 7)).isFalse();
  }

  @Test
  void keepsNothingWhenTheLifetimeIsZero() {
    VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 3, clock);
    off.remember("alice", "correct horse", 7);

    assertThat(off.matches("alice", "correct horse", 7)).isFalse();
  }

  @Test
  void staysWithinItsCapacity() {
    for (int i = 0; i < 10; i++) {
      verified.remember("user" + i, "pw", 1);
    }

    assertThat(verified.matches("user9", "pw", 1)).isTrue();
    assertThat(verified.matches("user0", "pw", 1)).isFalse();
  }

  @Test
  void keysEntriesByUserSoOnePasswordDoesNotOpenAnotherAccount() {
    verified.remember("alice", "shared", 1);

    assertThat(verified.matches("bob", "shared", 1)).isFalse();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
