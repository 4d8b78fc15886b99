/**
 * Inspection (巡查检查): versioned checklists per object kind, industry and hazard; patrol plans from
 * risk level that generate each period's tasks for the officer of every object's grid, with
 * coverage per grid, street and district; inspection records from the officers' phones (position
 * checked against the object and its grid, answers, photos with their EXIF time and place,
 * signature, findings), idempotent per client id; failed items become cases through casework.
 *
 * <p>Internal packages: {@code checklist}, {@code plan} (settings, task generation, coverage, the
 * officer's task list), {@code record} (inspections and photos).
 */
@ApplicationModule(
    displayName = "Inspection",
    allowedDependencies = {"area", "identity", "registry", "workforce", "casework", "shared"})
package cn.anwang.inspection;

import org.springframework.modulith.ApplicationModule;
