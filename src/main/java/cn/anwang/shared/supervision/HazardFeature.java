package cn.anwang.shared.supervision;

/**
 * A hazard feature (风险特征) of a supervised object: a property that calls for a specific supervising
 * department or a higher risk level whatever the object's industry. Names are stored in the
 * database and sent over the API, so they never change; the label is the message key {@link
 * #messageKey()}.
 *
 * <p>The first seven are the ones the product names; the others are the further special areas of
 * work-safety supervision that Chinese departments are organised around (fireworks under the
 * emergency management bureau, construction sites under housing and construction, road transport
 * under the transport commission, special equipment such as boilers and lifts under market
 * supervision), so that the rules can route them.
 */
public enum HazardFeature {
  /** 危险化学品: produces, stores, uses or sells hazardous chemicals. */
  HAZARDOUS_CHEMICALS,
  /** 粉尘涉爆: processes combustible dust (dust-explosion risk). */
  DUST_EXPLOSION,
  /** 涉氨制冷: ammonia refrigeration. */
  AMMONIA_REFRIGERATION,
  /** 有限空间: work in confined spaces. */
  CONFINED_SPACE,
  /** 金属冶炼: metal smelting. */
  METAL_SMELTING,
  /** 燃气使用: uses piped or bottled gas (e.g. restaurants). */
  GAS_USE,
  /** 人员密集: a crowded place. */
  CROWDED_PLACE,
  /** 烟花爆竹: produces, stores or sells fireworks. */
  FIREWORKS,
  /** 建筑施工: building construction site. */
  BUILDING_CONSTRUCTION,
  /** 道路运输: road transport of goods or passengers. */
  ROAD_TRANSPORT,
  /** 特种设备: operates special equipment (boilers, pressure vessels, lifts, cranes). */
  SPECIAL_EQUIPMENT;

  /** The message key of this feature's label, {@code supervision.hazard.<NAME>}. */
  public String messageKey() {
    return "supervision.hazard." + name();
  }
}
