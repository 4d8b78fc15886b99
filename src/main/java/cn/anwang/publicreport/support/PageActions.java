package cn.anwang.publicreport.support;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form action: run it, and come back to the page with the outcome in the reader's language
 * (done, a field's refusal, "someone else handled it", or the failure); 403 and 404 stay errors.
 * The messages are {@code <prefix>.invalid.<field>}, {@code <prefix>.conflict} and {@code
 * <prefix>.failed}.
 */
@Component
public class PageActions {

  private final MessageSource messages;

  PageActions(MessageSource messages) {
    this.messages = messages;
  }

  public String act(
      String page, RedirectAttributes redirect, String prefix, String doneKey, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", text(doneKey));
    } catch (ErrorResponseException e) {
      int code = e.getStatusCode().value();
      if (code == 404 || code == 403) {
        throw e;
      }
      redirect.addFlashAttribute("failure", failure(prefix, e));
    }
    return "redirect:" + page;
  }

  private String failure(String prefix, ErrorResponseException e) {
    Map<String, Object> properties = e.getBody().getProperties();
    Object errors = properties == null ? null : properties.get("errors");
    if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m) {
      return text(prefix + ".invalid." + m.get("field"), e.getBody().getDetail());
    }
    return text(
        prefix + (e.getStatusCode().value() == 409 ? ".conflict" : ".failed"),
        e.getBody().getDetail());
  }

  public String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
