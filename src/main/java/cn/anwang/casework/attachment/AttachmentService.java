package cn.anwang.casework.attachment;

import cn.anwang.casework.cases.CaseAction;
import cn.anwang.casework.cases.CaseFacade;
import cn.anwang.casework.cases.CaseView;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.files.FileKind;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and documents of a case: checked by content (not by name), limited in size ({@code
 * anwang.files.max-file-size}, default 10 MB per file), hashed (SHA-256), kept in the {@link
 * FileStore} and recorded in {@code case_attachment}. Whoever sees a case (auditors excepted) may
 * attach to it; reading a document is audited.
 */
@Service
@Transactional
public class AttachmentService implements CaseFacade.AttachmentLinker {

  /** A file as received: its name and content. */
  public record Upload(String fileName, byte[] content) {

    public static Upload of(MultipartFile f) {
      try {
        return new Upload(f.getOriginalFilename(), f.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A stored file opened for reading. */
  public record Content(AttachmentView attachment, InputStream stream) {}

  private final JdbcClient jdbc;
  private final FileStore store;
  private final CaseFacade cases;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final long maxBytes;

  AttachmentService(
      JdbcClient jdbc,
      FileStore store,
      @org.springframework.context.annotation.Lazy CaseFacade cases,
      CurrentActor currentActor,
      AuditLog audit,
      @Value("${anwang.files.max-file-size:10MB}") DataSize maxFileSize) {
    this.jdbc = jdbc;
    this.store = store;
    this.cases = cases;
    this.currentActor = currentActor;
    this.audit = audit;
    this.maxBytes = maxFileSize.toBytes();
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Stores files for a case the caller sees (404 otherwise); they are linked to no line yet. */
  public List<AttachmentView> upload(long caseId, List<Upload> files) {
    CaseView c = cases.get(caseId);
    Actor actor = currentActor.require();
    if (actor.role() == Role.AUDITOR) {
      throw ApiProblems.forbidden("Auditors do not attach files to cases");
    }
    if (actor.role() == Role.ENTERPRISE_USER
        && !cases.allowedActions(caseId).contains(CaseAction.EVIDENCE)) {
      throw ApiProblems.forbidden(
          "An enterprise user attaches rectification evidence only while the case is rectified");
    }
    if (files.isEmpty()) {
      throw new AttachmentRejected("", "casework.attachment.none", false, null);
    }
    List<FileKind> kinds = check(files);
    List<AttachmentView> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Upload f = files.get(i);
      String sha = FileStore.sha256(f.content());
      String key = key(caseId, sha);
      store.put(key, f.content());
      long id =
          jdbc.sql(
                  """
                  INSERT INTO case_attachment (case_id, district_code, file_name, content_type,
                                               size_bytes, sha256, storage_key, uploaded_by)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                  """)
              .params(
                  caseId,
                  c.districtCode(),
                  name(f.fileName()),
                  kinds.get(i).contentType(),
                  (long) f.content().length,
                  sha,
                  key,
                  actor.username())
              .query(Long.class)
              .single();
      AttachmentView view = find(caseId, id);
      out.add(view);
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("attachmentId", id);
      after.put("fileName", view.fileName());
      after.put("contentType", view.contentType());
      after.put("sizeBytes", view.sizeBytes());
      after.put("sha256", sha);
      audit.record("case.attachment.upload", "case", c.number(), division(c), null, after);
    }
    return out;
  }

  /** Checks files before anything is stored: the kind of each, or the first one refused. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
  public List<FileKind> check(List<Upload> files) {
    List<FileKind> kinds = new ArrayList<>();
    for (Upload f : files) {
      String name = name(f.fileName());
      if (f.content().length > maxBytes) {
        throw new AttachmentRejected(
            name,
            "casework.attachment.tooLarge",
            true,
            DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
      }
      if (f.content().length == 0) {
        throw new AttachmentRejected(name, "casework.attachment.empty", false, null);
      }
      kinds.add(
          FileKind.sniff(f.content())
              .orElseThrow(
                  () -> new AttachmentRejected(name, "casework.attachment.type", false, null)));
    }
    return kinds;
  }

  @Override
  public int link(long caseId, long eventId, List<Long> attachmentIds) {
    return jdbc.sql(
            "UPDATE case_attachment SET event_id = :event WHERE case_id = :case"
                + " AND id IN (:ids) AND event_id IS NULL")
        .param("event", eventId)
        .param("case", caseId)
        .param("ids", attachmentIds)
        .update();
  }

  /** The attachments of a case the caller sees, oldest first. */
  @Transactional(readOnly = true)
  public List<AttachmentView> list(long caseId) {
    cases.get(caseId);
    return listUnchecked(caseId);
  }

  /** The attachments of a case already read through {@link CaseFacade} (no second scope check). */
  @Transactional(readOnly = true)
  public List<AttachmentView> listUnchecked(long caseId) {
    return jdbc.sql("SELECT * FROM case_attachment WHERE case_id = ? ORDER BY id")
        .param(caseId)
        .query(AttachmentService::map)
        .list();
  }

  /** Opens a file of a case the caller sees; a document's read is audited. */
  public Content open(long caseId, long attachmentId) {
    CaseView c = cases.get(caseId);
    AttachmentView a = find(caseId, attachmentId);
    String key =
        jdbc.sql("SELECT storage_key FROM case_attachment WHERE id = ?")
            .param(attachmentId)
            .query(String.class)
            .single();
    if (!a.photo()) {
      audit.record(
          "case.attachment.read",
          "case",
          c.number(),
          division(c),
          null,
          Map.of("attachmentId", attachmentId, "fileName", a.fileName()));
    }
    try {
      return new Content(a, store.open(key));
    } catch (IOException e) {
      throw ApiProblems.notFound("Attachment file", Long.toString(attachmentId));
    }
  }

  private AttachmentView find(long caseId, long id) {
    return jdbc.sql("SELECT * FROM case_attachment WHERE id = ? AND case_id = ?")
        .params(id, caseId)
        .query(AttachmentService::map)
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Attachment", Long.toString(id)));
  }

  private static AttachmentView map(ResultSet rs, int n) throws SQLException {
    String type = rs.getString("content_type");
    Timestamp at = rs.getTimestamp("uploaded_at");
    return new AttachmentView(
        rs.getLong("id"),
        rs.getLong("case_id"),
        (Long) rs.getObject("event_id"),
        rs.getString("file_name"),
        type,
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        FileKind.ofContentType(type).map(FileKind::photo).orElse(false),
        rs.getString("uploaded_by"),
        at.toInstant());
  }

  private static String division(CaseView c) {
    return c.villageCode() != null
        ? c.villageCode()
        : c.streetCode() != null ? c.streetCode() : c.districtCode();
  }

  /** The file's own name, without any path, at most 200 characters. */
  private static String name(String original) {
    String n = original == null ? "" : original.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    if (n.isEmpty()) {
      n = "file";
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }

  private static String key(long caseId, String sha256) {
    return "cases/" + caseId + "/" + sha256;
  }
}
