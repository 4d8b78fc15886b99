package cn.anwang.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploaded files in a directory ({@code anwang.files.directory}, default {@code ./data/files}),
 * under keys the owning module chooses (casework: cases/CASE-ID/SHA-256; inspection:
 * inspection/photos/..): a key that exists is not written again. A file is written to a temporary
 * name and moved in place, so a reader never sees half of it; a key cannot leave the directory.
 */
@Component
public class FileStore {

  private final Path root;

  public FileStore(@Value("${anwang.files.directory:./data/files}") String directory) {
    this.root = Path.of(directory).toAbsolutePath().normalize();
  }

  /** The lower-case hex SHA-256 of some content. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Stores the content under the key unless something is stored there already. */
  public void put(String key, byte[] content) {
    Path target = resolve(key);
    try {
      if (Files.exists(target)) {
        return;
      }
      // resolve() keeps every key below the root, so the target always has a parent
      Path dir = Objects.requireNonNull(target.getParent(), key);
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + key, e);
    }
  }

  public InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  public byte[] read(String key) throws IOException {
    return Files.readAllBytes(resolve(key));
  }

  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("key outside the store: " + key);
    }
    return p;
  }
}
