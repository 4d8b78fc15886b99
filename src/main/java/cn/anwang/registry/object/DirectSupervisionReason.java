package cn.anwang.registry.object;

/**
 * Why the district supervises an object directly (区级直接监管); such objects leave grid duties but keep
 * their location, grid and departments.
 */
enum DirectSupervisionReason {
  LARGE_SCALE,
  HIGH_SPECIFICATION,
  HIGH_RISK,
  BEYOND_GRASSROOTS_CAPACITY
}
