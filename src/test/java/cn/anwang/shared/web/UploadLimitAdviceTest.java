package cn.anwang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

class UploadLimitAdviceTest {

  @Test
  void answersAnOversizedUploadWith413AndTheErrorPage() {
    ModelAndView page =
        new UploadLimitAdvice().tooLarge(new MaxUploadSizeExceededException(64L * 1024 * 1024));

    assertThat(page.getViewName()).isEqualTo("error");
    assertThat(page.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(page.getModel()).containsEntry("status", 413);
  }
}
