/**
 * Registry: the supervised objects (监督管理对象) — enterprises, shops, workshops, venues and households
 * — with their location, grid, responsible departments, risk level and history. Uses {@code area}
 * to place objects in grids, {@code identity} for scope and audit, and the shared kernel's USCC,
 * industry and coordinate rules.
 */
@ApplicationModule(
    displayName = "Registry",
    allowedDependencies = {"area", "identity", "org", "shared"})
package cn.anwang.registry;

import org.springframework.modulith.ApplicationModule;
