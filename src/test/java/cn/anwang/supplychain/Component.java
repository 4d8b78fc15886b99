package cn.anwang.supplychain;

import java.util.List;

/**
 * One library of the CycloneDX BOM: its Maven coordinates, the BOM's scope and the licences it
 * declares (SPDX ids where CycloneDX recognised them, else the licence's name or expression as
 * written).
 */
record Component(
    String group, String artifact, String version, String scope, List<String> licences) {

  String key() {
    return group + ":" + artifact;
  }

  @Override
  public String toString() {
    return key() + ":" + version;
  }
}
