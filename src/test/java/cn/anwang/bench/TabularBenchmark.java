package cn.anwang.bench;

import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.ColumnType;
import cn.anwang.shared.tabular.CsvExport;
import cn.anwang.shared.tabular.TableSpec;
import cn.anwang.shared.tabular.TabularReader;
import cn.anwang.shared.tabular.TabularSource;
import cn.anwang.shared.tabular.XlsxExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The tabular import kernel at registry scale: 300,000 realistic supervised objects (Chinese names
 * and addresses, valid 18-character credit codes, WGS-84 points in Tianjin) written as CSV (UTF-8
 * and GBK) and {@code .xlsx} (inline strings, as our export writes, and a shared-strings table, as
 * Excel saves), then read back row by row through {@link TabularReader} from an {@code InputStream}
 * (so the upload's copy to a temporary file is included). Reports file size, rows/s, and heap: the
 * peak of used heap sampled every 5 ms during the read in this JVM (garbage included), and whether
 * the same read completes in a child JVM limited to {@code -Xmx64m} (the live set is then bounded
 * by 64 MB whatever the file size).
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=cn.anwang.bench.TabularBenchmark}
 */
public final class TabularBenchmark {

  static final int ROWS = 300_000;
  static final String SMALL_HEAP = "-Xmx64m";

  static final TableSpec SPEC =
      TableSpec.of(
          ColumnSpec.required("name", "名称", "企业名称", "单位名称"),
          ColumnSpec.required("uscc", "统一社会信用代码", "信用代码", "USCC"),
          ColumnSpec.optional("kind", "对象类型"),
          ColumnSpec.optional("industry", "行业代码"),
          ColumnSpec.optional("address", "地址"),
          ColumnSpec.optional("lon", "经度").ofType(ColumnType.NUMBER),
          ColumnSpec.optional("lat", "纬度").ofType(ColumnType.NUMBER),
          ColumnSpec.optional("employees", "从业人数").ofType(ColumnType.NUMBER),
          ColumnSpec.optional("founded", "成立日期").ofType(ColumnType.DATE),
          ColumnSpec.optional("contact", "联系人"),
          ColumnSpec.optional("phone", "联系电话"));

  private TabularBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("read")) {
      long rows = read(Path.of(args[1]));
      System.out.println(rows);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d processors, max heap %d MB, load average %.1f%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Path dir = Files.createTempDirectory("anwang-tabular-bench");
    try {
      List<Path> files = new ArrayList<>();
      files.add(
          write(
              dir.resolve("objects-utf8.csv"),
              out -> CsvExport.write(out, SPEC.columns(), rows())));
      files.add(write(dir.resolve("objects-gbk.csv"), TabularBenchmark::writeGbk));
      files.add(
          write(
              dir.resolve("objects-inline.xlsx"),
              out -> XlsxExport.write(out, "监督管理对象", SPEC.columns(), rows())));
      files.add(
          write(dir.resolve("objects-shared-strings.xlsx"), TabularBenchmark::writeSharedStrings));
      read(files.get(0)); // warm-up: class loading and JIT on the CSV path
      System.out.println();
      System.out.println(
          "file                           size     read      rows/s   peak used heap  "
              + SMALL_HEAP);
      for (Path file : files) {
        measure(file);
      }
    } finally {
      try (Stream<Path> walk = Files.list(dir)) {
        walk.forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
  }

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static Path write(Path file, Body body) throws IOException {
    long t0 = System.nanoTime();
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      body.write(out);
    }
    System.out.printf(
        Locale.ROOT,
        "wrote %-28s %6.1f MB in %5.1f s%n",
        file.getFileName(),
        Files.size(file) / 1048576.0,
        (System.nanoTime() - t0) / 1e9);
    return file;
  }

  private static void measure(Path file) throws Exception {
    long baseline = HeapSampler.usedAfterGc(1);
    HeapSampler sampler = HeapSampler.start(5);
    long t0 = System.nanoTime();
    long rows = read(file);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peakUsed = sampler.stop();
    if (rows != ROWS) {
      throw new IllegalStateException(file + ": read " + rows + " rows, expected " + ROWS);
    }
    String small = inSmallHeap(file);
    System.out.printf(
        Locale.ROOT,
        "%-28s %6.1f MB  %5.1f s  %,9.0f   %4d MB (+%d)   %s%n",
        file.getFileName(),
        Files.size(file) / 1048576.0,
        seconds,
        rows / seconds,
        peakUsed >> 20,
        (peakUsed - baseline) >> 20,
        small);
  }

  /** Reads the file in a child JVM with a 64 MB heap: "ok 12.3 s" or why it failed. */
  private static String inSmallHeap(Path file) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SMALL_HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                TabularBenchmark.class.getName(),
                "read",
                file.toString())
            .redirectErrorStream(true)
            .start();
    long t0 = System.nanoTime();
    String output = new String(child.getInputStream().readAllBytes()).strip();
    int exit = child.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (exit == 0 && output.endsWith(Integer.toString(ROWS))) {
      return String.format(Locale.ROOT, "ok, %.1f s", seconds);
    }
    return output.contains("OutOfMemoryError") ? "OutOfMemoryError" : "failed: " + output;
  }

  /** Reads every row as an import would, touching each value. */
  static long read(Path file) throws IOException {
    long[] count = {0};
    long[] chars = {0};
    try (InputStream in = Files.newInputStream(file);
        TabularSource source = TabularReader.open(in, file.getFileName().toString(), SPEC)) {
      source.forEach(
          row -> {
            count[0]++;
            for (String value : row.values().values()) {
              chars[0] += value.length();
            }
          });
    }
    if (chars[0] == 0) {
      throw new IllegalStateException("no values read");
    }
    return count[0];
  }

  private static void writeGbk(OutputStream out) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, Charset.forName("GBK")), 1 << 16);
    writer.write(String.join(",", SPEC.columns().stream().map(ColumnSpec::header).toList()));
    writer.write("\r\n");
    for (Iterator<List<?>> it = rows(); it.hasNext(); ) {
      List<?> row = it.next();
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          writer.write(',');
        }
        writer.write(String.valueOf(row.get(i)));
      }
      writer.write("\r\n");
    }
    writer.flush();
  }

  /** What Excel saves: every string in a shared-strings table, which a reader must hold. */
  private static void writeSharedStrings(OutputStream out) throws IOException {
    var workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, true);
    try {
      var sheet = workbook.createSheet("监督管理对象");
      var header = sheet.createRow(0);
      for (int c = 0; c < SPEC.columns().size(); c++) {
        header.createCell(c).setCellValue(SPEC.columns().get(c).header());
      }
      int r = 1;
      for (Iterator<List<?>> it = rows(); it.hasNext(); ) {
        List<?> values = it.next();
        var row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue(String.valueOf(value));
          }
        }
      }
      workbook.write(out);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  // ---- realistic objects ----

  static final String[] DISTRICTS = {
    "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区", "西青区", "津南区", "北辰区", "武清区", "宝坻区", "滨海新区",
    "宁河区", "静海区", "蓟州区"
  };
  static final String[] STREETS = {"街道", "镇", "乡"};
  static final String[] ROADS = {
    "南京路", "友谊路", "卫津路", "黄河道", "复康路", "津塘路", "中山路", "红旗路", "解放南路", "新港路", "京津塘公路", "津沽公路", "泰达大街",
    "第三大街", "海河东路", "大沽南路"
  };
  static final String[] WORDS = {
    "华信", "恒通", "金泰", "宏达", "鑫源", "海盛", "津港", "安泰", "永顺", "瑞丰", "德隆", "新元", "中汇", "利民", "渤海", "博远",
    "天成", "鸿运", "万通", "昌盛", "和顺", "嘉禾", "福源", "富达"
  };
  static final String[] TRADES = {
    "化工", "物流", "机械制造", "建筑工程", "餐饮", "食品", "五金", "商贸", "仓储", "印刷", "木业", "服装", "电子", "汽车维修", "家具"
  };
  static final String[] SUFFIXES = {"有限公司", "有限责任公司", "股份有限公司", "店", "厂", "商行", "小吃部"};
  static final String[] KINDS = {"企业", "个体工商户", "小商店", "小作坊", "小娱乐场所", "其他"};
  static final String[] INDUSTRIES = {
    "2614", "5411", "3311", "4710", "6210", "1419", "5191", "5921", "8111", "2311"
  };
  static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"
  };
  static final String[] GIVEN = {
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"
  };
  static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static final int[] USCC_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  /** The same 300,000 objects on every call (fixed seed), generated as they are iterated. */
  static Iterator<List<?>> rows() {
    Random random = new Random(20261129L);
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < ROWS;
      }

      @Override
      public List<?> next() {
        i++;
        String district = pick(random, DISTRICTS);
        String name =
            "天津"
                + pick(random, WORDS)
                + pick(random, WORDS)
                + pick(random, TRADES)
                + pick(random, SUFFIXES);
        String address =
            "天津市"
                + district
                + pick(random, WORDS)
                + pick(random, STREETS)
                + pick(random, ROADS)
                + (1 + random.nextInt(999))
                + "号"
                + (random.nextBoolean()
                    ? (1 + random.nextInt(30)) + "号楼" + (101 + random.nextInt(20)) + "室"
                    : "");
        double lon = 116.72 + random.nextDouble() * 1.3;
        double lat = 38.57 + random.nextDouble() * 1.5;
        return java.util.Arrays.asList(
            name + i,
            uscc(random),
            pick(random, KINDS),
            pick(random, INDUSTRIES),
            address,
            Math.round(lon * 1e6) / 1e6,
            Math.round(lat * 1e6) / 1e6,
            1 + random.nextInt(500),
            LocalDate.of(1995 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)),
            pick(random, SURNAMES) + pick(random, GIVEN),
            "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)));
      }
    };
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A valid unified social credit code: organisation code check (GB 11714) and USCC check. */
  static String uscc(Random random) {
    var code = new StringBuilder("91120");
    code.append(1 + random.nextInt(9)).append(String.format("%02d", 1 + random.nextInt(16)));
    int sum = 0;
    var org = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      char c = USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length()));
      org.append(c);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += value * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    org.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
    code.append(org);
    int total = 0;
    for (int i = 0; i < 17; i++) {
      total += USCC_CHARS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
    }
    code.append(USCC_CHARS.charAt((31 - total % 31) % 31));
    return code.toString();
  }
}
