/**
 * Third-party safety technical service organisations (第三方技术服务机构): the registry with qualifications
 * (and their expiry) and contacts, and — in later steps — engagements, partner users scoped to
 * them, their findings entering the case loop through casework's public API, and their performance.
 *
 * <p>Internal packages: {@code registry} (organisations, qualifications, contacts, blacklist),
 * {@code engagement} (engagements and their scope).
 */
@ApplicationModule(
    displayName = "Third-party organisations",
    allowedDependencies = {"identity", "area", "registry", "shared"})
package cn.anwang.partner;

import org.springframework.modulith.ApplicationModule;
