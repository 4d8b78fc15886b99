/**
 * Protection of personal data (PII): validation of the Chinese resident ID number (GB 11643), its
 * encryption at rest (AES-GCM), a keyed hash (HMAC-SHA256) for uniqueness checks without storing
 * the number in clear, and display forms that never show it in full.
 */
package cn.anwang.shared.pii;
