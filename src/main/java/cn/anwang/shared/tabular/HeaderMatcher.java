package cn.anwang.shared.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the header among the first non-empty rows: the row whose cells name the most declared
 * columns (the earliest on a tie), so title rows above it are skipped. In a two-row header a blank
 * cell takes the text of the cell right above it: a vertically merged cell keeps its text only in
 * its top row.
 */
final class HeaderMatcher {

  /** A non-empty row kept while searching. */
  record TopRow(int rowNumber, String[] cells) {}

  /** The header and, per declared column (in spec order), its cell index or -1. */
  record Match(Header header, int[] columnIndex, List<TabularMessage> warnings) {}

  private HeaderMatcher() {}

  static Match match(TableSpec spec, List<TopRow> top) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < spec.columns().size(); i++) {
      for (String name : spec.columns().get(i).names()) {
        byName.putIfAbsent(Cells.headerKey(name), i);
      }
    }
    int best = -1;
    int bestScore = 0;
    String[] bestNames = null;
    int candidates = Math.min(top.size(), spec.headerSearchRows());
    for (int i = 0; i < candidates; i++) {
      String[] names = combined(top, i);
      int score =
          (int)
              Arrays.stream(names)
                  .map(n -> byName.get(Cells.headerKey(n)))
                  .filter(java.util.Objects::nonNull)
                  .distinct()
                  .count();
      if (score > bestScore) {
        best = i;
        bestScore = score;
        bestNames = names;
      }
    }
    if (best < 0) {
      throw TabularException.headerNotFound(
          spec.headerSearchRows(),
          spec.columns().stream().filter(ColumnSpec::required).map(ColumnSpec::header).toList());
    }
    int headerRow = top.get(best).rowNumber();
    int[] columnIndex = new int[spec.columns().size()];
    Arrays.fill(columnIndex, -1);
    String[] found = new String[spec.columns().size()];
    List<String> unknown = new ArrayList<>();
    List<TabularMessage> warnings = new ArrayList<>();
    for (int c = 0; c < bestNames.length; c++) {
      String name = Cells.clean(bestNames[c]);
      if (name.isEmpty()) {
        continue;
      }
      Integer column = byName.get(Cells.headerKey(name));
      if (column == null) {
        unknown.add(name);
      } else if (columnIndex[column] >= 0) {
        warnings.add(
            TabularMessage.of(
                TabularSource.WARNING + "duplicateColumn", "“" + name + "”列出现了不止一次，只读取第一个。", name));
      } else {
        columnIndex[column] = c;
        found[column] = name;
      }
    }
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> missingRequired = new ArrayList<>();
    List<String> missingOptional = new ArrayList<>();
    for (int i = 0; i < found.length; i++) {
      ColumnSpec column = spec.columns().get(i);
      if (found[i] != null) {
        columns.put(column.key(), found[i]);
      } else if (column.required()) {
        missingRequired.add(column.header());
      } else {
        missingOptional.add(column.key());
      }
    }
    if (!missingRequired.isEmpty()) {
      throw TabularException.missingColumns(headerRow, missingRequired);
    }
    if (!unknown.isEmpty()) {
      String list = String.join("、", unknown);
      warnings.add(
          0,
          TabularMessage.of(
              TabularSource.WARNING + "unknownColumns", "以下列不在模板中，已忽略：" + list + "。", list));
    }
    return new Match(
        new Header(headerRow, columns, missingOptional, unknown), columnIndex, warnings);
  }

  private static String[] combined(List<TopRow> top, int index) {
    TopRow row = top.get(index);
    TopRow above =
        index > 0 && top.get(index - 1).rowNumber() == row.rowNumber() - 1
            ? top.get(index - 1)
            : null;
    int width = Math.max(row.cells().length, above == null ? 0 : above.cells().length);
    String[] names = new String[width];
    for (int c = 0; c < width; c++) {
      String own = c < row.cells().length ? Cells.clean(row.cells()[c]) : "";
      if (own.isEmpty() && above != null && c < above.cells().length) {
        own = Cells.clean(above.cells()[c]);
      }
      names[c] = own;
    }
    return names;
  }
}
