/**
 * Area: the division tree (district, street/town/park, village/community), grids and their
 * polygons, the in-memory spatial index, locate, and coordinate systems. Uses {@code identity} for
 * the caller's scope and the audit log, and implements its {@code Territories} port.
 */
@ApplicationModule(
    displayName = "Area",
    allowedDependencies = {"identity", "shared"})
package cn.anwang.area;

import org.springframework.modulith.ApplicationModule;
