package cn.anwang.partner.web;

import cn.anwang.partner.refusal.PartnerRejected;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of the API's services shown on a form: the field named in the reader's language ({@code
 * partner.field.*}) and the reason in the reader's language; 404 and 403 are rethrown for the error
 * page.
 */
final class PageRefusal {

  private PageRefusal() {}

  static void show(ErrorResponseException e, Model model, MessageSource messages, Locale locale) {
    int status = e.getStatusCode().value();
    if (status != 422 && status != 409) {
      throw e;
    }
    String field = status == 409 ? "conflict" : "form";
    Map<String, Object> properties = e.getBody().getProperties();
    Object errors = properties == null ? null : properties.get("errors");
    if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m) {
      field = String.valueOf(m.get("field"));
    }
    if (e instanceof PartnerRejected r && r.field() != null) {
      field = r.field();
    }
    String detail =
        e instanceof PartnerRejected r ? r.reason(messages, locale) : e.getBody().getDetail();
    String label = messages.getMessage("partner.field." + field, null, field, locale);
    model.addAttribute("failureField", field);
    model.addAttribute(
        "failure",
        messages.getMessage("partner.page.refused", new Object[] {label, detail}, locale));
  }
}
