package cn.anwang.identity.token;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.token.ApiTokenRepository.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing and revoking tokens. Everybody manages their own; administrators (city,
 * district, street) also list and revoke those of users they administer, by the rules of user
 * administration: a user outside their territory is "not found", one of a higher role forbidden.
 */
@Service
class ApiTokenService {

  static final int DEFAULT_DAYS = 90;
  static final int MAX_NAME_LENGTH = 100;
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** A new token and its secret, which exists nowhere else once this answer is sent. */
  record Created(TokenView token, String secret) {}

  private final ApiTokenRepository tokens;
  private final AuditLog audit;
  private final Clock clock = Clock.system(ZONE);

  ApiTokenService(ApiTokenRepository tokens, AuditLog audit) {
    this.tokens = tokens;
    this.audit = audit;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The default last day: {@value #DEFAULT_DAYS} days from today. */
  LocalDate defaultExpiry() {
    return today().plusDays(DEFAULT_DAYS);
  }

  /** The latest last day allowed: a year from today. */
  LocalDate maxExpiry() {
    return today().plusYears(1);
  }

  /**
   * Creates a token for the caller. {@code expiresOn} is the last day (Asia/Shanghai) on which it
   * works, blank for the default; the token stops at midnight after it.
   */
  @Transactional
  Created create(Actor owner, String name, String expiresOn, String scope) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw TokenProblem.unprocessable("name", "nameRequired");
    }
    if (trimmed.length() > MAX_NAME_LENGTH) {
      throw TokenProblem.unprocessable("name", "nameTooLong", MAX_NAME_LENGTH);
    }
    LocalDate lastDay = lastDay(expiresOn);
    TokenScope tokenScope =
        TokenScope.parse(scope)
            .orElseThrow(() -> TokenProblem.unprocessable("scope", "scopeInvalid"));
    Instant expires = lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
    String secret = TokenSecrets.generate();
    String prefix = TokenSecrets.prefix(secret);
    long id =
        tokens.insert(
            owner.userId(), trimmed, prefix, TokenSecrets.sha256(secret), tokenScope, expires);
    TokenView view = tokens.find(id).orElseThrow();
    audit.record("token.create", "api-token", String.valueOf(id), null, describe(view));
    return new Created(view, secret);
  }

  private LocalDate lastDay(String expiresOn) {
    if (expiresOn == null || expiresOn.isBlank()) {
      return defaultExpiry();
    }
    LocalDate day;
    try {
      day = LocalDate.parse(expiresOn.strip());
    } catch (DateTimeParseException e) {
      throw TokenProblem.unprocessable("expiresOn", "expiryMalformed", expiresOn.strip());
    }
    if (day.isBefore(today())) {
      throw TokenProblem.unprocessable("expiresOn", "expiryPast", day.toString());
    }
    if (day.isAfter(maxExpiry())) {
      throw TokenProblem.unprocessable("expiresOn", "expiryTooFar", maxExpiry().toString());
    }
    return day;
  }

  List<TokenView> own(Actor caller) {
    return tokens.ofUser(caller.userId());
  }

  /** Another user's tokens, for an administrator of that user. */
  List<TokenView> ofUser(Actor caller, long userId) {
    if (userId != caller.userId()) {
      if (!caller.role().isAdministrator()) {
        throw TokenProblem.forbidden("notAnAdministrator");
      }
      Owner owner = tokens.owner(userId).orElseThrow(() -> TokenProblem.notFound("user", userId));
      requireAdministers(caller, owner, "user", userId);
    }
    return tokens.ofUser(userId);
  }

  TokenView get(Actor caller, long id) {
    TokenView token = tokens.find(id).orElseThrow(() -> TokenProblem.notFound("token", id));
    if (token.userId() != caller.userId()) {
      if (!caller.role().isAdministrator()) {
        throw TokenProblem.notFound("token", id);
      }
      requireAdministers(caller, tokens.owner(token.userId()).orElseThrow(), "token", id);
    }
    return token;
  }

  @Transactional
  TokenView revoke(Actor caller, long id) {
    TokenView before = get(caller, id);
    if (!tokens.revoke(id, caller.username())) {
      throw TokenProblem.conflict("alreadyRevoked");
    }
    TokenView after = tokens.find(id).orElseThrow();
    String territory = tokens.owner(after.userId()).map(Owner::territoryCode).orElse(null);
    audit.record(
        "token.revoke",
        "api-token",
        String.valueOf(id),
        territory,
        describe(before),
        describe(after));
    return after;
  }

  private static void requireAdministers(Actor caller, Owner owner, String what, long id) {
    if (!caller.role().isAdministrator() || !caller.scope().covers(owner.territoryCode())) {
      throw TokenProblem.notFound(what, id);
    }
    if (!caller.role().mayGrant(owner.role())) {
      throw TokenProblem.forbidden("userAboveOwn");
    }
  }

  private static Map<String, Object> describe(TokenView token) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("user", token.username());
    map.put("name", token.name());
    map.put("prefix", token.prefix());
    map.put("scope", token.scope().name());
    map.put("expiresAt", token.expiresAt().toString());
    if (token.revokedAt() != null) {
      map.put("revokedAt", token.revokedAt().toString());
      map.put("revokedBy", token.revokedBy());
    }
    return map;
  }
}
