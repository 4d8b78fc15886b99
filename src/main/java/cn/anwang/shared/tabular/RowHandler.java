package cn.anwang.shared.tabular;

/** Receives the data rows of a table, in file order. To stop early, throw. */
@FunctionalInterface
public interface RowHandler {

  void handle(Row row);
}
