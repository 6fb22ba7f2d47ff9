package se.omsorgsnav;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Omsorgsnav: case work and coordination for a Swedish municipality's elderly care. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
// Module listeners run after the commit on their own thread: a slow mail server never slows a request.
@EnableAsync
public class Omsorgsnav {

    public static void main(String[] args) {
        SpringApplication.run(Omsorgsnav.class, args);
    }
}
