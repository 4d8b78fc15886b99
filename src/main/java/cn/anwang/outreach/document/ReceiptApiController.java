package cn.anwang.outreach.document;

import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 送达回证 PDF of a delivery: {@code /api/v1/documents/{id}/deliveries/{deliveryId}/receipt.pdf}
 * for the staff who see it, {@code /api/v1/my-documents/{deliveryId}/receipt.pdf} for the
 * enterprise user; in the caller's language ({@code ?lang=en}).
 */
@RestController
class ReceiptApiController {

  private final Receipts receipts;

  ReceiptApiController(Receipts receipts) {
    this.receipts = receipts;
  }

  @GetMapping("/api/v1/documents/{id}/deliveries/{deliveryId}/receipt.pdf")
  ResponseEntity<byte[]> staff(
      @PathVariable long id, @PathVariable long deliveryId, Locale locale) {
    return pdf(deliveryId, receipts.forStaff(id, deliveryId, locale));
  }

  @GetMapping("/api/v1/my-documents/{deliveryId}/receipt.pdf")
  ResponseEntity<byte[]> mine(@PathVariable long deliveryId, Locale locale) {
    return pdf(deliveryId, receipts.forEnterprise(deliveryId, locale));
  }

  private static ResponseEntity<byte[]> pdf(long deliveryId, byte[] body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(Receipts.filename(deliveryId)).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(body);
  }
}
