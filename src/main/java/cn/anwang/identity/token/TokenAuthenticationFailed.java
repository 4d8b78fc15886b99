package cn.anwang.identity.token;

/**
 * A bearer token was refused. Published for the audit log, which records it as it records failed
 * log-ins ({@code auth.token-failed}). Unlike a wrong password it does not count towards the
 * account's lock-out: a script still sending a revoked token must not lock its owner out.
 *
 * @param username the token's owner when the token is known, else null
 * @param territoryCode the owner's territory when known, else null
 * @param prefix the first characters of what was presented (harmless: never enough to use it)
 * @param reason {@code malformed}, {@code unknown}, {@code revoked}, {@code expired}, {@code
 *     disabled} or {@code locked}
 */
public record TokenAuthenticationFailed(
    String username,
    String territoryCode,
    String prefix,
    String reason,
    String method,
    String path,
    String remoteAddr) {}
