package cn.anwang.casework.cases;

/** Who a case is dispatched to: a department (code), a street (code) or the enterprise (object). */
public enum HandlerType {
  DEPARTMENT,
  STREET,
  ENTERPRISE
}
