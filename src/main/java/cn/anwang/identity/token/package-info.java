/**
 * Personal API tokens: created by a user for themselves (page {@code /account/tokens}, API {@code
 * /api/v1/tokens}), stored only as a hash, expiring, revocable, and scoped to reading or writing.
 * {@link cn.anwang.identity.token.BearerTokens} checks a presented token for the API's filter chain
 * in {@code identity.security}.
 */
package cn.anwang.identity.token;
