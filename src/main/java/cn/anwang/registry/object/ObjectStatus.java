package cn.anwang.registry.object;

/** Whether an object is in business. Objects are closed, not deleted. */
enum ObjectStatus {
  OPERATING,
  SUSPENDED,
  CLOSED
}
