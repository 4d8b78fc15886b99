package cn.anwang.shared.industry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the shipped classification once, at start-up, so a malformed table stops the start. */
@Configuration(proxyBeanMethods = false)
class IndustryConfiguration {

  @Bean
  IndustryClassification industryClassification() {
    return IndustryClassification.load();
  }
}
