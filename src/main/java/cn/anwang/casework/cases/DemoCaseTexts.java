package cn.anwang.casework.cases;

import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Random;

/** Demo mode: what demo cases say, their mix of types and sources, and office-hour moments. */
final class DemoCaseTexts {

  static final String[][] GENERAL = {
    {"灭火器压力不足", "巡查发现店内两具干粉灭火器压力指针位于红区，未按期检验。"},
    {"安全出口被货物堵塞", "后门安全出口堆放纸箱，疏散通道宽度不足一米。"},
    {"电气线路私拉乱接", "仓库内插线板串接使用，电线敷设在可燃物上。"},
    {"液化石油气瓶存放不规范", "厨房内存放两只液化石油气钢瓶，未设置可燃气体报警装置。"},
    {"应急照明损坏", "楼梯间应急照明灯不亮，疏散指示标志缺失。"},
    {"有限空间未设警示标识", "污水井口未设置有限空间警示标识，作业未审批。"},
    {"粉尘清扫不及时", "打磨车间地面及设备表面积尘较厚，除尘设施未运行。"},
    {"电动自行车室内充电", "楼道内有电动自行车停放充电，存在火灾风险。"}
  };
  static final String[][] ILLEGAL = {
    {"无证经营加油点", "发现居民区内有人使用油桶私自销售汽油。"},
    {"违规储存危险化学品", "仓库内存放未经许可的危险化学品约二十桶。"}
  };
  static final String[][] ACCIDENT = {
    {"轻微烫伤事故", "员工操作炸锅时被热油烫伤，已送医处理。"},
    {"叉车碰撞事故", "仓库叉车倒车时碰撞货架，无人员伤亡。"}
  };

  private DemoCaseTexts() {}

  static Instant workingMoment(Instant day, Random r) {
    LocalDate date = day.atZone(WorkingCalendar.CHINA).toLocalDate();
    return date.atTime(LocalTime.of(8, 30).plusMinutes(r.nextInt(9 * 60)))
        .atZone(WorkingCalendar.CHINA)
        .toInstant();
  }

  static CaseType pickType(Random r) {
    int n = r.nextInt(100);
    if (n < 78) {
      return CaseType.GENERAL_HAZARD;
    }
    if (n < 88) {
      return CaseType.ILLEGAL_OPERATION;
    }
    if (n < 92) {
      return CaseType.ACCIDENT;
    }
    return CaseType.OTHER;
  }

  static CaseSource pickSource(Random r, ObjectRef o) {
    int n = r.nextInt(100);
    if (n < 60) {
      return CaseSource.OFFICER_INSPECTION;
    }
    if (n < 75) {
      return o.villageCode() != null ? CaseSource.VILLAGE_REPORT : CaseSource.OFFICER_INSPECTION;
    }
    if (n < 90) {
      return CaseSource.PUBLIC_REPORT;
    }
    return n < 97 ? CaseSource.DEPARTMENT : CaseSource.THIRD_PARTY;
  }

  static String[] text(CaseType type, Random r) {
    String[][] pool =
        switch (type) {
          case ILLEGAL_OPERATION -> ILLEGAL;
          case ACCIDENT -> ACCIDENT;
          case MAJOR_HAZARD -> new String[][] {{"粉尘涉爆重大事故隐患", "除尘系统未采用防爆设计，粉尘浓度超标，属于重大事故隐患。"}};
          default -> GENERAL;
        };
    return pool[r.nextInt(pool.length)];
  }
}
