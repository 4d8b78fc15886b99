package cn.anwang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

class UploadLimitAdviceTest {

  private static final MaxUploadSizeExceededException TOO_LARGE =
      new MaxUploadSizeExceededException(100L * 1024 * 1024);

  @Test
  void answersAnOversizedPageUploadWith413AndTheErrorPage() {
    Object answer =
        new UploadLimitAdvice()
            .tooLarge(TOO_LARGE, new MockHttpServletRequest("POST", "/grids/import"));

    assertThat(answer).isInstanceOf(ModelAndView.class);
    ModelAndView page = (ModelAndView) answer;
    assertThat(page.getViewName()).isEqualTo("error");
    assertThat(page.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(page.getModel()).containsEntry("status", 413);
  }

  @Test
  void answersAnOversizedApiUploadWith413ProblemJsonNamingTheLimit() {
    Object answer =
        new UploadLimitAdvice()
            .tooLarge(TOO_LARGE, new MockHttpServletRequest("POST", "/api/v1/objects/import"));

    assertThat(answer).isInstanceOf(ResponseEntity.class);
    ResponseEntity<?> response = (ResponseEntity<?>) answer;
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("100 MB");
  }
}
