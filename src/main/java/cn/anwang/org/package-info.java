/**
 * Org: departments with work-safety supervision duty (per district, and city-level ones) and the
 * responsibility rules that map an object's kind, industry and hazard features to the departments
 * responsible for it. Uses {@code identity} for scope and audit, {@code area} for divisions, and
 * {@code shared}; learns about registered objects through the {@link cn.anwang.org.ObjectProfiles}
 * port, which the registry implements.
 */
@ApplicationModule(
    displayName = "Org",
    allowedDependencies = {"identity", "area", "shared"})
package cn.anwang.org;

import org.springframework.modulith.ApplicationModule;
