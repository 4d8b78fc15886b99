package cn.anwang.registry.object;

/**
 * A hazard an object carries. Temporary: replaced by the shared kernel's {@code
 * cn.anwang.shared.supervision.HazardFeature} when the {@code org} module lands.
 */
enum HazardFeature {
  HAZARDOUS_CHEMICALS,
  DUST_EXPLOSION,
  AMMONIA_REFRIGERATION,
  CONFINED_SPACE,
  METAL_SMELTING,
  GAS_USE,
  CROWDED_PLACE
}
