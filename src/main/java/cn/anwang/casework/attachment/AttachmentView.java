package cn.anwang.casework.attachment;

import java.time.Instant;

/**
 * A file attached to a case.
 *
 * @param eventId the timeline line it belongs to, null until an action references it
 * @param photo whether it is a photo (shown as a thumbnail) rather than a document
 */
public record AttachmentView(
    long id,
    long caseId,
    Long eventId,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    boolean photo,
    String uploadedBy,
    Instant uploadedAt) {}
