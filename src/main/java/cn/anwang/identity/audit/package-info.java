/**
 * The hash-chained audit log: writing entries ({@link cn.anwang.identity.AuditLog}), recording
 * log-ins, and the scoped search and chain verification for auditors.
 */
package cn.anwang.identity.audit;
