package cn.anwang.casework.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files in a directory ({@code anwang.files.directory}, default {@code ./data/files}), keyed by
 * case and content hash (cases/CASE-ID/SHA-256): the same file attached twice to a case is stored
 * once. A file is written to a temporary name and moved in place, so a reader never sees half of
 * it.
 */
@Component
class FileStore {

  private final Path root;

  FileStore(@Value("${anwang.files.directory:./data/files}") String directory) {
    this.root = Path.of(directory).toAbsolutePath().normalize();
  }

  static String key(long caseId, String sha256) {
    return "cases/" + caseId + "/" + sha256;
  }

  void put(String key, byte[] content) {
    Path target = resolve(key);
    try {
      if (Files.exists(target)) {
        return;
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + key, e);
    }
  }

  InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("key outside the store: " + key);
    }
    return p;
  }
}
