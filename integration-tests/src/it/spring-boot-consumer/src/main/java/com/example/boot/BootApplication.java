package com.example.boot;

import dev.martech.targeting.TargetingClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** A web application that answers with data from the Targeting API. */
@SpringBootApplication
public class BootApplication {
    public static void main(String[] args) {
        SpringApplication.run(BootApplication.class, args);
    }

    /** Token from TARGETING_TOKEN and logging from MARTECH_LOG; the base URL from a Spring property if set. */
    @Bean(destroyMethod = "close")
    TargetingClient targetingClient(Environment environment) {
        TargetingClient.Builder builder = TargetingClient.builder().fromEnv();
        String baseUrl = environment.getProperty("targeting.base-url");
        return baseUrl == null ? builder.build() : builder.baseUrl(baseUrl).build();
    }
}
