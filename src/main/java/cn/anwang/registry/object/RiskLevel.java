package cn.anwang.registry.object;

/** Safety risk level, highest first: 红、橙、黄、蓝. */
enum RiskLevel {
  RED,
  ORANGE,
  YELLOW,
  BLUE;

  boolean atLeast(RiskLevel other) {
    return ordinal() <= other.ordinal();
  }
}
