package cn.anwang.area.grid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to a byte limit. Counting the bytes actually read, rather than trusting
 * {@code Content-Length} or the multipart settings, also stops chunked uploads of unknown length.
 */
final class LimitedBodyReader {

  private LimitedBodyReader() {}

  /**
   * All bytes of the stream.
   *
   * @throws ImportTooLarge as soon as more than {@code limit} bytes have arrived
   */
  static byte[] readAll(InputStream in, long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          throw ImportTooLarge.overLimit(limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
