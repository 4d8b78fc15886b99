package cn.anwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Anwang (安网): the grid-based grassroots work-safety supervision platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnwangApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnwangApplication.class, args);
  }
}
