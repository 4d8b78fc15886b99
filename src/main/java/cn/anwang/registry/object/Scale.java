package cn.anwang.registry.object;

/** Enterprise size class (大型、中型、小型、微型). */
enum Scale {
  LARGE,
  MEDIUM,
  SMALL,
  MICRO
}
