/**
 * Third-party safety technical service organisations (第三方技术服务机构): the registry with qualifications
 * (and their expiry) and contacts, engagements over a district's grids and objects, and partner
 * users scoped to them whose findings enter the case loop through casework's public API, and each
 * organisation's performance computed from that work.
 *
 * <p>Internal packages: {@code registry} (organisations, qualifications, contacts, blacklist),
 * {@code engagement} (engagements and their scope), {@code work} (partner accounts, findings,
 * performance).
 */
@ApplicationModule(
    displayName = "Third-party organisations",
    allowedDependencies = {
      "identity",
      "area",
      "registry",
      "inspection",
      "casework",
      "notification",
      "shared"
    })
package cn.anwang.partner;

import org.springframework.modulith.ApplicationModule;
