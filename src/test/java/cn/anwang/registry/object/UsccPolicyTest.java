package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.shared.uscc.UsccGenerator;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsccPolicyTest {

  static final String VALID = new UsccGenerator(new Random(7)).nextEnterprise("120101");

  static String withWrongCheckCharacter(String code) {
    char last = code.charAt(17);
    return code.substring(0, 17) + (last == '0' ? '1' : '0');
  }

  @Test
  void keepsAValidCode() {
    UsccPolicy.Accepted accepted = UsccPolicy.accept(" " + VALID + " ", null);
    assertThat(accepted.code()).isEqualTo(VALID);
    assertThat(accepted.overridden()).isFalse();
  }

  @Test
  void capitalisesACodeWhoseOnlyFaultIsLowerCase() {
    assertThat(UsccPolicy.accept(VALID.toLowerCase(Locale.ROOT), null).code()).isEqualTo(VALID);
  }

  @Test
  void rejectsAFailingCodeWithoutAReasonNamingTheField() {
    assertThatThrownBy(() -> UsccPolicy.accept(withWrongCheckCharacter(VALID), null))
        .isInstanceOfSatisfying(
            ObjectRejected.class,
            e -> {
              assertThat(e.field()).isEqualTo("uscc");
              assertThat(e.messageKey()).isEqualTo("registry.rejected.usccInvalid");
            });
    assertThatThrownBy(() -> UsccPolicy.accept(VALID.substring(0, 17), " "))
        .isInstanceOf(ObjectRejected.class);
  }

  @Test
  void keepsAFailingCodeWithAReason() {
    UsccPolicy.Accepted accepted = UsccPolicy.accept(withWrongCheckCharacter(VALID), " 营业执照原件如此 ");
    assertThat(accepted.code()).isEqualTo(withWrongCheckCharacter(VALID));
    assertThat(accepted.overrideReason()).isEqualTo("营业执照原件如此");
    assertThat(accepted.overridden()).isTrue();
  }

  @Test
  void refusesACodeTooLongToStoreEvenWithAReason() {
    assertThatThrownBy(() -> UsccPolicy.accept(VALID + "X", "reason"))
        .isInstanceOf(ObjectRejected.class);
  }

  @Test
  void noCodeIsNoCode() {
    assertThat(UsccPolicy.accept("  ", null).code()).isNull();
    assertThat(UsccPolicy.accept(null, null).code()).isNull();
  }
}
