package cn.anwang.identity.user;

import cn.anwang.identity.Role;
import java.time.Instant;

/**
 * A user as shown in the API, on pages and in the audit log; never carries the password hash.
 * Public only because templates read it.
 *
 * @param departmentCode may be null
 * @param lockedUntil may be null; in the past when the lock has expired
 * @param email e-mail address for notifications, or null
 * @param language preferred language, {@code zh} or {@code en}, or null (zh)
 */
public record UserView(
    Long id,
    String username,
    String displayName,
    Role role,
    String territoryCode,
    String departmentCode,
    boolean enabled,
    boolean locked,
    Instant lockedUntil,
    int failedAttempts,
    Instant createdAt,
    String email,
    String language) {}
