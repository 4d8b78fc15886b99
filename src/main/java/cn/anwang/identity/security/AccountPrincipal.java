package cn.anwang.identity.security;

import cn.anwang.identity.Actor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security holds it: the {@link Actor} (id, role, scope) travels with
 * the session so scoped queries need no database round trip.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

  private final Actor actor;
  private final boolean enabled;
  private final Instant lockedUntil;
  private final int version;
  private final int failedAttempts;
  private String passwordHash;

  AccountPrincipal(
      Actor actor,
      String passwordHash,
      boolean enabled,
      Instant lockedUntil,
      int version,
      int failedAttempts) {
    this.actor = actor;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.lockedUntil = lockedUntil;
    this.version = version;
    this.failedAttempts = failedAttempts;
  }

  /**
   * Whether the account row, as read for this log-in, had failed attempts or a lock to clear on
   * success.
   */
  boolean hasFailuresToReset() {
    return failedAttempts != 0 || lockedUntil != null;
  }

  Actor actor() {
    return actor;
  }

  /** The row version at log-in; an administrator's change bumps it and ends the session. */
  int version() {
    return version;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(actor.role().authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return actor.username();
  }

  @Override
  public boolean isAccountNonLocked() {
    return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  // The hash must not linger in the session once the password has been checked.
  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountPrincipal p && p.actor.userId() == actor.userId();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(actor.userId());
  }

  @Override
  public String toString() {
    return "AccountPrincipal[" + actor.username() + "]";
  }
}
