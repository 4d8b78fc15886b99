package cn.anwang.area.grid;

/** An import body exceeds the configured limit ({@code anwang.grids.import-max-bytes}). */
class ImportTooLarge extends GridProblem {

  private final long limitBytes;

  private ImportTooLarge(long limitBytes) {
    super(GridMessage.of("grid.problem.tooLarge", describe(limitBytes)), null);
    this.limitBytes = limitBytes;
  }

  static ImportTooLarge overLimit(long limitBytes) {
    return new ImportTooLarge(limitBytes);
  }

  long limitBytes() {
    return limitBytes;
  }

  private static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return (bytes / (1024 * 1024)) + " MB";
    }
    return bytes + " bytes";
  }
}
