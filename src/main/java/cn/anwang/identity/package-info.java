/**
 * Identity: users, roles, each user's scope (territory subtree × department), authentication, user
 * administration and the audit log every module writes to. Uses only {@code shared}; learns about
 * divisions through the {@link cn.anwang.identity.Territories} port that {@code area} implements.
 */
@ApplicationModule(displayName = "Identity")
package cn.anwang.identity;

import org.springframework.modulith.ApplicationModule;
