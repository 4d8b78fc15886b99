package cn.anwang.area.grid;

/** An import body exceeds the configured limit ({@code anwang.grids.import-max-bytes}). */
class ImportTooLarge extends RuntimeException {

  private final long limitBytes;

  private ImportTooLarge(long limitBytes) {
    super(
        "The import exceeds the size limit of "
            + describe(limitBytes)
            + "; split the file by district or street, or raise anwang.grids.import-max-bytes");
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
