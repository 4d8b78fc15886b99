package cn.anwang.identity.user;

import cn.anwang.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The requests and answers of user administration. */
final class UserCommands {

  static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";
  static final String TERRITORY_PATTERN = "\\d{2}|\\d{6}|\\d{9}|\\d{12}";
  static final String DEPARTMENT_PATTERN = "[A-Za-z0-9_-]{0,32}";

  /** An e-mail address (one @, a dot in the domain, no inner spaces), or blank for none. */
  static final String EMAIL_PATTERN = "\\s*|\\s*[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+\\s*";

  /** The preferred language: zh (zh-CN) or en, or blank for the default (zh). */
  static final String LANGUAGE_PATTERN = "|zh|zh-CN|en";

  /** The stored language for what a form or request sent: zh, en or null. */
  static String language(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip().startsWith("zh") ? "zh" : "en";
  }

  private UserCommands() {}

  /**
   * A new user.
   *
   * @param departmentCode may be null or blank (no department)
   * @param password may be null or blank: a one-time password is generated and returned
   */
  record NewUser(
      @NotBlank @Pattern(regexp = USERNAME_PATTERN) String username,
      @NotBlank @Size(max = 100) String displayName,
      @NotNull Role role,
      @NotBlank @Pattern(regexp = TERRITORY_PATTERN) String territoryCode,
      @Pattern(regexp = DEPARTMENT_PATTERN) String departmentCode,
      @Size(max = 128) String password,
      @Size(max = 254) @Pattern(regexp = EMAIL_PATTERN, message = "{identity.error.email}")
          String email,
      @Pattern(regexp = LANGUAGE_PATTERN, message = "{identity.error.language}") String language) {}

  /**
   * Changes to a user; a null field stays as it is, a blank department removes the department, a
   * blank e-mail removes the address and a blank language returns to the default.
   */
  record UserChanges(
      @Size(min = 1, max = 100) String displayName,
      Role role,
      @Pattern(regexp = TERRITORY_PATTERN) String territoryCode,
      @Pattern(regexp = DEPARTMENT_PATTERN) String departmentCode,
      @Size(max = 254) @Pattern(regexp = EMAIL_PATTERN, message = "{identity.error.email}")
          String email,
      @Pattern(regexp = LANGUAGE_PATTERN, message = "{identity.error.language}") String language) {}

  /** A password reset; a null or blank password means "generate one". */
  record PasswordReset(@Size(max = 128) String password) {}

  /** The created user, and the generated password when none was given (shown once). */
  record CreatedUser(UserView user, String oneTimePassword) {}

  /** The generated password after a reset, or null when the caller chose it. */
  record NewPassword(String oneTimePassword) {}

  /** One page of users. */
  record UserPage(List<UserView> users, long total, int page, int size) {

    // public: templates call it, and SpEL invokes public methods only
    public int totalPages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }
}
