package cn.anwang.area.grid;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text for a person (a rejection reason, a warning) as a message key and its arguments, so each
 * caller shows it in its reader's language: the page in the user's locale, the API in the request's
 * {@code Accept-Language}. Arguments are already formatted text (numbers and coordinates are
 * written the same in every language, without grouping) or nested messages, such as the part of a
 * geometry a reason is about; {@link MessageSource} resolves the nested ones first.
 *
 * @param key a key of {@code i18n/grid.properties}
 * @param args the arguments in the key's {@code {0}}, {@code {1}}... order, never null
 */
record GridMessage(String key, List<Object> args) implements MessageSourceResolvable {

  GridMessage {
    args = List.copyOf(args);
  }

  /** A message; numbers and other values become text here, nested messages stay as they are. */
  static GridMessage of(String key, Object... args) {
    return new GridMessage(
        key,
        Arrays.stream(args)
            .map(a -> a instanceof GridMessage ? a : String.valueOf(a))
            .map(Object.class::cast)
            .toList());
  }

  /** The text in this locale. */
  String in(MessageSource messages, Locale locale) {
    return messages.getMessage(this, locale);
  }

  @Override
  public String[] getCodes() {
    return new String[] {key};
  }

  @Override
  public Object[] getArguments() {
    return args.toArray();
  }
}
