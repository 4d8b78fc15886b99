package cn.anwang.identity.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Log-in protection and response headers ({@code anwang.security.*}).
 *
 * @param maxFailedAttempts consecutive failed log-ins (form or HTTP Basic) that lock an account
 * @param lockDuration how long a locked account stays locked unless an administrator unlocks it
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header sent with every response
 * @param verifiedCredentialsLifetime how long a password verified against its adaptive hash is
 *     trusted again without re-hashing (HTTP Basic sends it with every request); 0 turns this off
 */
@Validated
@ConfigurationProperties("anwang.security")
record LoginProtectionProperties(
    @DefaultValue("5") @Min(1) @Max(100) int maxFailedAttempts,
    @DefaultValue("15m") @NotNull Duration lockDuration,
    @DefaultValue(DEFAULT_CSP) @NotBlank String contentSecurityPolicy,
    @DefaultValue("5m") @NotNull Duration verifiedCredentialsLifetime) {

  // Scripts only from our own origin; inline styles are allowed because Leaflet and htmx set
  // style attributes. Images may come from a configured tile server (https).
  static final String DEFAULT_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  LoginProtectionProperties {
    if (lockDuration != null && (lockDuration.isNegative() || lockDuration.isZero())) {
      throw new IllegalArgumentException("anwang.security.lock-duration must be positive");
    }
    if (verifiedCredentialsLifetime != null && verifiedCredentialsLifetime.isNegative()) {
      throw new IllegalArgumentException(
          "anwang.security.verified-credentials-lifetime must not be negative");
    }
  }
}
