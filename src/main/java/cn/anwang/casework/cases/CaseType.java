package cn.anwang.casework.cases;

/** What a case is about (GB/T 30428 event classes as the notice names them). */
public enum CaseType {
  /** 一般事故隐患 */
  GENERAL_HAZARD,
  /** 重大事故隐患: plan, district supervision and acceptance before closing */
  MAJOR_HAZARD,
  /** 非法违法生产经营 */
  ILLEGAL_OPERATION,
  /** 事故 */
  ACCIDENT,
  OTHER
}
