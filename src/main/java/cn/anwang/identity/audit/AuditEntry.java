package cn.anwang.identity.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One audit log entry as shown to auditors. Public only because templates read it.
 *
 * @param before JSON text of the state before, may be null
 * @param after JSON text of the state after, may be null
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String targetType,
    String targetId,
    String territoryCode,
    @JsonRawValue String before,
    @JsonRawValue String after,
    String remoteAddr) {}
