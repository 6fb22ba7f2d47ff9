package se.omsorgsnav;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Omsorgsnav: case work and coordination for a Swedish municipality's elderly care. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class Omsorgsnav {

    public static void main(String[] args) {
        SpringApplication.run(Omsorgsnav.class, args);
    }
}
