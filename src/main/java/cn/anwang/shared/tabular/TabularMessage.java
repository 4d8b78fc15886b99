package cn.anwang.shared.tabular;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text of this package for a person (a warning found while opening a file, or the message of a
 * {@link TabularException}) as a message key of {@code i18n/tabular.properties} and its arguments,
 * so each caller shows it in its reader's language: {@code messageSource.getMessage(message,
 * locale)}.
 *
 * <p>Arguments are already formatted text, the same in every language: numbers are written without
 * grouping ("1000000", "第 12345 行" / "row 12345"), sizes as "100 MB". Lists of column or sheet
 * names are joined with the ideographic comma "、": they are the zh-CN headers of the template (or
 * the file's own names), between which it reads naturally in either language; a caller that wants
 * another layout has the list itself ({@link TabularException#columns()}, {@link
 * Header#unknownColumns()}).
 *
 * @param code the message key, e.g. {@code tabular.warning.unknownColumns}
 * @param arguments the arguments in the key's {@code {0}}, {@code {1}}... order, never null
 * @param defaultMessage the zh-CN text, already formatted: what {@link TabularSource#warnings()}
 *     and {@link TabularException#getMessage()} return
 */
public record TabularMessage(String code, List<Object> arguments, String defaultMessage)
    implements MessageSourceResolvable {

  public TabularMessage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(defaultMessage, "defaultMessage");
    arguments = List.copyOf(arguments);
  }

  /** A message whose arguments become text here (numbers without grouping, null as "null"). */
  static TabularMessage of(String code, String defaultMessage, Object... arguments) {
    return new TabularMessage(
        code,
        Arrays.stream(arguments).map(a -> (Object) String.valueOf(a)).toList(),
        defaultMessage);
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return arguments.toArray();
  }

  @Override
  public String getDefaultMessage() {
    return defaultMessage;
  }
}
