package cn.anwang.area.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTerritoryTest {

  @Test
  void filesAChangeInOneVillageUnderThatVillage() {
    assertThat(GridService.commonDivision(List.of("120101001001", "120101001001")))
        .isEqualTo("120101001001");
  }

  @Test
  void filesAChangeAcrossStreetsUnderTheirDistrict() {
    assertThat(GridService.commonDivision(List.of("120101001001", "120101002", "120101003004")))
        .isEqualTo("120101");
  }

  @Test
  void filesAChangeAcrossDistrictsUnderTheCity() {
    assertThat(GridService.commonDivision(List.of("120101001", "120111001"))).isEqualTo("12");
  }

  @Test
  void neverCutsACodeBetweenLevels() {
    // share 8 digits but belong to different streets: the district holds both
    assertThat(GridService.commonDivision(List.of("120101001", "120101002"))).isEqualTo("120101");
  }
}
