package cn.anwang.workforce.officer;

/** How an officer is employed: existing staff (在编), purchased service (政府购买服务), part-time (兼职). */
public enum Employment {
  STAFF,
  PURCHASED,
  PART_TIME
}
