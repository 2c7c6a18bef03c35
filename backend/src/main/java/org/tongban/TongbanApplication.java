package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Tongban (通办), the one-stop government services portal. Each top-level package below this one
 * is a Spring Modulith application module; {@code ModularityTests} verifies their boundaries.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Tongban")
public class TongbanApplication {

    public static void main(String[] args) {
        SpringApplication.run(TongbanApplication.class, args);
    }
}
