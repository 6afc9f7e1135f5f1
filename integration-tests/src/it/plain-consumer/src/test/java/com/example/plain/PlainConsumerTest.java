package com.example.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.martech.contacthub.ContacthubClient;
import dev.martech.contacthub.api.CustomerListParams;
import dev.martech.core.ClientRuntime;
import dev.martech.sandbox.Sandbox;
import dev.martech.sandbox.SandboxExtension;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plain project's view: the clients and the sandbox work, the jars are what an IDE and the module path need. */
class PlainConsumerTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.perClass();

    @Test
    void callsTheSandboxAndDerivesAClient() {
        try (TargetingClient targeting = TargetingClient.builder().baseUrl(SANDBOX.sandbox().targetingUrl())
                .bearerToken(Sandbox.TOKEN).build();
                ContacthubClient hub = ContacthubClient.builder().baseUrl(SANDBOX.sandbox().contacthubUrl())
                        .oauth2Token(Sandbox.TOKEN).build()) {
            RecipientListParams recipients = RecipientListParams.builder().campaignId(Sandbox.TARGETING_CAMPAIGN_ID).build();
            assertEquals(9, targeting.recipients().list(recipients).autoPager().stream().count());
            TargetingClient slow = targeting.withOptions(o -> o.readTimeout(Duration.ofMinutes(1)));
            assertEquals(Duration.ofMinutes(1), slow.options().readTimeout());
            CustomerListParams customers = CustomerListParams.builder().workspaceId(Sandbox.CONTACTHUB_WORKSPACE_ID)
                    .nodeId(Sandbox.CONTACTHUB_NODE_ID).build();
            assertTrue(hub.customers().list(customers).autoPager().stream().findAny().isPresent());
        }
    }

    /** Every published jar has a stable module name (module-info or Automatic-Module-Name). */
    @Test
    void everyJarHasItsModuleName() throws Exception {
        Map<String, String> expected = Map.of("sdk-core", "dev.martech.core", "targeting-client", "dev.martech.targeting",
                "contacthub-client", "dev.martech.contacthub", "sandbox", "dev.martech.sandbox");
        Map<String, String> found = new TreeMap<>();
        for (Class<?> type : List.of(ClientRuntime.class, TargetingClient.class, ContacthubClient.class, Sandbox.class)) {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            ModuleReference module = ModuleFinder.of(jar).findAll().iterator().next();
            String artifact = jar.getFileName().toString().replaceAll("-\\d.*", "");
            found.put(artifact, module.descriptor().name());
        }
        assertEquals(new TreeMap<>(expected), found);
    }

    /** Nothing of the test tooling or of the annotation API reaches the application's runtime class path. */
    @Test
    void theRuntimeClasspathHoldsNoJettyWireMockOrAnnotationApi() throws IOException {
        List<String> jars = Arrays.stream(Files.readString(Path.of(System.getProperty("consumer.runtimeClasspath")))
                .trim().split(File.pathSeparator)).map(p -> Path.of(p).getFileName().toString()).collect(Collectors.toList());
        System.out.println("runtime class path: " + jars.size() + " jars " + jars);
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("targeting-client")), jars::toString);
        assertFalse(jars.stream().anyMatch(j -> j.startsWith("jakarta.annotation-api")), jars::toString);
        assertFalse(jars.stream().anyMatch(j -> j.contains("jetty") || j.contains("wiremock")), jars::toString);
    }

    /** The sources and javadoc jars an IDE fetches exist and hold the generated code and its docs. */
    @Test
    void sourcesAndJavadocJarsHoldTheGeneratedCode() throws IOException {
        Path dir = Path.of(System.getProperty("consumer.ideJars"));
        try (JarFile sources = new JarFile(dir.resolve("targeting-client-" + version() + "-sources.jar").toFile());
                JarFile javadoc = new JarFile(dir.resolve("targeting-client-" + version() + "-javadoc.jar").toFile())) {
            assertTrue(sources.getEntry("dev/martech/targeting/api/RecipientsService.java") != null, "generated sources");
            assertTrue(sources.getEntry("dev/martech/targeting/TargetingClient.java") != null, "facade source");
            assertTrue(javadoc.stream().anyMatch(e -> e.getName().endsWith("RecipientsService.html")), "generated javadoc");
        }
    }

    private static String version() {
        String location = TargetingClient.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        String name = Path.of(location).getFileName().toString();
        return name.substring("targeting-client-".length(), name.length() - ".jar".length());
    }
}
