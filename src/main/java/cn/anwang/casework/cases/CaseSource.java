package cn.anwang.casework.cases;

/** Where a case came from. */
public enum CaseSource {
  OFFICER_INSPECTION,
  VILLAGE_REPORT,
  PUBLIC_REPORT,
  DEPARTMENT,
  THIRD_PARTY
}
