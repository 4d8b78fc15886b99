/**
 * Users and their administration: the {@code app_user} aggregate, the scoping and delegation rules
 * ({@link cn.anwang.identity.user.UserPolicy}), the API and pages, and the start-up users (first
 * administrator, demo users).
 */
package cn.anwang.identity.user;
