package cn.anwang.registry.object;

/**
 * What a supervised object is. Temporary: replaced by the shared kernel's {@code
 * cn.anwang.shared.supervision.ObjectKind} when the {@code org} module lands (same constants).
 */
enum ObjectKind {
  ENTERPRISE,
  INDIVIDUAL_BUSINESS,
  SMALL_SHOP,
  SMALL_WORKSHOP,
  SMALL_ENTERTAINMENT_VENUE,
  HOUSEHOLD,
  OTHER;

  /** Whether objects of this kind normally carry a unified social credit code. */
  boolean expectsUscc() {
    return this == ENTERPRISE || this == INDIVIDUAL_BUSINESS;
  }
}
