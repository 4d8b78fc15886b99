package cn.anwang.org;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Port through which org reads registered objects to preview a rule change, without depending on
 * the module that owns them (the registry implements it). Until a bean implements it, previews say
 * that no objects are registered yet.
 */
public interface ObjectProfiles {

  /**
   * The objects whose division code starts with the territory code. The stream holds resources:
   * close it (try-with-resources).
   */
  Stream<ProfiledObject> within(String territoryCode);

  /**
   * An object as the rules see it, with the departments currently responsible for it.
   *
   * @param objectId the registry's id of the object
   * @param profile what the rules look at
   * @param currentDepartmentCodes the departments responsible now (rules or manual), never null
   */
  record ProfiledObject(
      String objectId, ObjectProfile profile, Set<String> currentDepartmentCodes) {

    public ProfiledObject {
      currentDepartmentCodes =
          currentDepartmentCodes == null ? Set.of() : Set.copyOf(currentDepartmentCodes);
    }

    /** The object's district. */
    public String districtCode() {
      return profile.districtCode();
    }
  }
}
