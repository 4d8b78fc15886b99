package cn.anwang.shared.tabular;

/** The rows of a sheet or CSV file as cell texts, read from the start on each call. */
interface RawRows extends AutoCloseable {

  /** Receives one row; the array is reused, so copy what you keep. Returns false to stop. */
  @FunctionalInterface
  interface Consumer {
    boolean accept(int rowNumber, String[] cells, int count);
  }

  void read(Consumer consumer);

  @Override
  void close();

  static boolean isBlank(String[] cells, int count) {
    for (int i = 0; i < count; i++) {
      if (!Cells.clean(cells[i]).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
