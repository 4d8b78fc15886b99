package cn.anwang.shared.supervision;

/**
 * What kind of supervised object (监督管理对象) something is. The kind decides, with the industry and the
 * hazard features, which departments are responsible for it. Names are stored in the database and
 * sent over the API, so they never change; the label is the message key {@link #messageKey()}.
 */
public enum ObjectKind {
  /** 企业: a registered company or other legal-person enterprise. */
  ENTERPRISE,
  /** 个体工商户: an individual business registered as such. */
  INDIVIDUAL_BUSINESS,
  /** 小商铺: a small shop. */
  SMALL_SHOP,
  /** 小作坊: a small workshop, e.g. a food workshop. */
  SMALL_WORKSHOP,
  /** 小娱乐场所: a small entertainment venue (KTV, internet café, …). */
  SMALL_ENTERTAINMENT_VENUE,
  /** 家庭户: a household (e.g. one using bottled gas or running a home business). */
  HOUSEHOLD,
  /** 其他: anything else under supervision. */
  OTHER;

  /** The message key of this kind's label, {@code supervision.kind.<NAME>}. */
  public String messageKey() {
    return "supervision.kind." + name();
  }
}
