package cn.anwang.registry.object;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One write to an object.
 *
 * @param changes JSON object: field → {@code [before, after]}; contacts appear as changed without
 *     their values
 */
record HistoryEntry(Instant at, String actor, String action, @JsonRawValue String changes) {}
