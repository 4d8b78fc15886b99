package cn.anwang.identity.security;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Checks a password against the adaptive hash only when it was not verified for the same account
 * version moments ago (see {@link VerifiedCredentials}). The account is still read on every
 * request, so a disabled or locked account is refused at once. Wrong passwords always reach the
 * hash check and count towards the lock-out.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider delegate;
  private final AccountDetailsService accounts;
  private final VerifiedCredentials verified;
  private final UserDetailsChecker checker = new AccountStatusUserDetailsChecker();

  CachingAuthenticationProvider(
      AuthenticationProvider delegate,
      AccountDetailsService accounts,
      VerifiedCredentials verified) {
    this.delegate = delegate;
    this.accounts = accounts;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = AccountDetailsService.normalise(authentication.getName());
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? "" : credentials.toString();
    AccountPrincipal account = load(username);
    if (account != null && verified.matches(username, password, account.version())) {
      checker.check(account);
      account.eraseCredentials();
      return UsernamePasswordAuthenticationToken.authenticated(
          account, null, account.getAuthorities());
    }
    Authentication result = delegate.authenticate(authentication);
    if (result != null && result.getPrincipal() instanceof AccountPrincipal principal) {
      verified.remember(username, password, principal.version());
    } else {
      verified.forget(username);
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private AccountPrincipal load(String username) {
    try {
      return (AccountPrincipal) accounts.loadUserByUsername(username);
    } catch (UsernameNotFoundException e) {
      return null;
    }
  }
}
