package cn.anwang.publicreport.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A public submission larger than five photos at the limit (plus the form's text) is refused with
 * 413 before any of it is read or parsed — before the security filters, which parse the form for
 * its CSRF token. The per-photo limits are checked after parsing, with a message per photo.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitConfiguration {

  static final long FORM_ALLOWANCE = 1024 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> reportUploadLimit(
      PublicReportProperties properties) {
    long limit = (long) ReportPhotos.MAX_PHOTOS * properties.maxPhotoBytes() + FORM_ALLOWANCE;
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit) {
              response.setHeader("Connection", "close");
              response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
              return;
            }
            chain.doFilter(request, response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/report");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
