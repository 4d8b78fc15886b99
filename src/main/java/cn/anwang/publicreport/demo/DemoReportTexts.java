package cn.anwang.publicreport.demo;

import java.util.Random;

/** What citizens write in the demo, per category, and what the street answers. */
final class DemoReportTexts {

  private static final String[][] TEXTS = {
    // HAZARD
    {
      "小区底商饭店后厨液化气罐放在门口，旁边就是电动车充电的地方，太危险了。",
      "楼道里堆满了纸箱和旧家具，消防通道完全堵死了，晚上也没有灯。",
      "超市的安全出口用铁链锁着，里面人很多，万一着火跑不出去。",
      "这家小作坊的电线乱拉，插线板一个接一个，墙上都熏黑了。",
      "工地塔吊下面没有围挡，行人直接从下面走，上面还在吊钢筋。",
      "临街的门脸房里住着人还存着油漆，三合一场所。"
    },
    // ILLEGAL_OPERATION
    {
      "居民楼车库里有人用油桶卖散装汽油，经常有摩托车来加油。",
      "这个院子里晚上偷偷生产烟花爆竹，白天关门，有很重的火药味。",
      "已经被关停的加工厂又开工了，晚上机器声很大，没有任何手续。",
      "有人在废弃厂房里私自储存化工原料，桶上没有标签，味道刺鼻。"
    },
    // ACCIDENT
    {"昨天下午工地有工人从脚手架上掉下来，被车拉走了，工地一直没对外说。", "仓库里叉车撞倒了货架，压伤了一个人，老板让大家别声张。", "饭店后厨燃气爆燃，有人被烧伤，现在照常营业。"},
    // OTHER
    {"小区里的高压线下面有人搭了彩钢房，不知道安全不安全。", "公园游乐设施锈得很厉害，还有小孩在玩，没有检验标志。"}
  };

  static final String[] CATEGORIES = {"HAZARD", "ILLEGAL_OPERATION", "ACCIDENT", "OTHER"};

  static final String[] REJECTIONS = {
    "经现场核查，未发现举报所反映的情况。如有新的线索，欢迎再次举报。",
    "该事项属于物业管理纠纷，不属于安全生产监管范围，已告知社区居委会协调处理。",
    "举报内容过于简单，无法确定具体地点，请补充地址或位置后重新举报。"
  };

  static final String[] NOTES = {"已安排网格员现场核查并转交相关部门处理。", "情况属实，已责令立即整改。", "已立案，执法人员将依法查处。"};

  static final String[] ADDRESSES = {"底商", "小区内", "临街门脸房", "院内", "路口附近", "工地"};

  static final String[] NAMES = {"王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆"};

  private DemoReportTexts() {}

  static String category(Random r) {
    int n = r.nextInt(100);
    return n < 60 ? "HAZARD" : n < 80 ? "ILLEGAL_OPERATION" : n < 92 ? "ACCIDENT" : "OTHER";
  }

  static String text(String category, Random r) {
    String[] pool =
        TEXTS[
            switch (category) {
              case "HAZARD" -> 0;
              case "ILLEGAL_OPERATION" -> 1;
              case "ACCIDENT" -> 2;
              default -> 3;
            }];
    return pool[r.nextInt(pool.length)];
  }

  static String pick(String[] pool, Random r) {
    return pool[r.nextInt(pool.length)];
  }
}
