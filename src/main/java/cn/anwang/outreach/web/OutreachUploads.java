package cn.anwang.outreach.web;

import cn.anwang.shared.files.FileKind;
import cn.anwang.shared.files.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files sent with a document or a publicity activity, checked before anything is written: at
 * most so many, each within the size limit and of an accepted kind by its content (never by its
 * name); the name made safe to store and show.
 */
public final class OutreachUploads {

  /** A checked file. */
  public record Upload(String filename, FileKind kind, byte[] content, String sha256) {}

  /**
   * How one form's files are checked.
   *
   * @param field the request field the refusals name
   * @param max how many files at most
   * @param accepted the kinds taken
   * @param tooMany the message key when there are more than {@code max}
   * @param tooLarge the message key for a file over the size limit (413)
   * @param wrongType the message key for a file of another kind
   * @param defaultName the name of a file sent without one
   */
  public record Rules(
      String field,
      int max,
      Predicate<FileKind> accepted,
      String tooMany,
      String tooLarge,
      String wrongType,
      String defaultName) {}

  private OutreachUploads() {}

  /** The non-empty files, checked; the first problem refuses them all. */
  public static List<Upload> check(List<MultipartFile> files, long maxFileBytes, Rules rules) {
    List<MultipartFile> real =
        files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    if (real.size() > rules.max()) {
      throw new OutreachRejected(rules.field(), rules.tooMany(), Integer.toString(rules.max()));
    }
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile f : real) {
      String name = safeName(f.getOriginalFilename(), rules.defaultName());
      if (f.getSize() > maxFileBytes) {
        throw OutreachRejected.tooLarge(rules.field(), rules.tooLarge(), name);
      }
      byte[] content;
      try {
        content = f.getBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      FileKind kind =
          FileKind.sniff(content)
              .filter(rules.accepted())
              .orElseThrow(() -> new OutreachRejected(rules.field(), rules.wrongType(), name));
      uploads.add(new Upload(name, kind, content, FileStore.sha256(content)));
    }
    return uploads;
  }

  private static String safeName(String original, String fallback) {
    String name = original == null ? fallback : original.strip();
    name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
