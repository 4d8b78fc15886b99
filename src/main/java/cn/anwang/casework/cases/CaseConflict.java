package cn.anwang.casework.cases;

/** The case changed since the caller read it (409): the current version is given. */
public class CaseConflict extends RuntimeException {

  private final int currentVersion;

  CaseConflict(int currentVersion) {
    super("The case changed meanwhile; it is now at version " + currentVersion, null, false, false);
    this.currentVersion = currentVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
