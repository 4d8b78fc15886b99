package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an upload to a temporary file, refusing it as soon as it passes the size limit: both
 * formats need the file twice (encoding check, header search) and POI reads a zip from a file
 * without holding it in memory.
 */
final class Spool {

  private Spool() {}

  static Path copy(InputStream in, long maxBytes) {
    Path file = null;
    try {
      file = Files.createTempFile("anwang-tabular-", ".tmp");
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(file)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > maxBytes) {
            throw TabularException.tooLarge(maxBytes);
          }
          out.write(buffer, 0, n);
        }
      }
      return file;
    } catch (IOException e) {
      delete(file);
      throw TabularException.io(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the OS cleans its temp directory
      }
    }
  }
}
