package dev.martech.examples;

import dev.martech.contactflow.ContactflowClient;
import dev.martech.contactflow.api.AutomationDownloadReportParams;
import dev.martech.contactflow.api.AutomationListPage;
import dev.martech.contactflow.api.AutomationListParams;
import dev.martech.contactflow.api.CustomerAddBatchParams;
import dev.martech.contactflow.api.CustomerAddParams;
import dev.martech.contactflow.api.NodeListPage;
import dev.martech.contactflow.api.NodeListParams;
import dev.martech.contactflow.model.Automation;
import dev.martech.contactflow.model.AutomationStatistics;
import dev.martech.contactflow.model.Customer;
import dev.martech.contactflow.model.CustomerOfBatch;
import dev.martech.contactflow.model.CustomersBatch;
import dev.martech.contactflow.model.CustomersBatchStatus;
import dev.martech.contactflow.model.Node;
import dev.martech.core.BinaryResponse;
import dev.martech.core.errors.UnauthorizedException;
import dev.martech.examples.ApiConfig.Api;
import dev.martech.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contactlab Contactflow: list nodes and automations, add a customer and a batch of customers to an
 * automation, and stream the automations CSV report to a file without holding it in memory.
 *
 * <p>Real service: {@code CONTACTFLOW_TOKEN}, {@code CONTACTFLOW_NODE} (optional {@code CONTACTFLOW_BASE_URL}).
 * Customers are only added against the real service when {@code CONTACTFLOW_AUTOMATION_ID} names the
 * automation to add them to.
 */
public final class ContactflowExample {
    private ContactflowExample() {
    }

    /**
     * Runs the flow against the sandbox, or the service the environment names.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Examples.main(Api.CONTACTFLOW, ContactflowExample::run));
    }

    static void run(Examples.Context ctx) throws IOException {
        Console out = ctx.console();
        ApiConfig cfg = ctx.config();
        UUID node = cfg.uuidSetting("CONTACTFLOW_NODE");

        try (ContactflowClient flow = ctx.configure(ContactflowClient.builder()).oauth2Token(cfg.token()).node(node).build()) {
            // 1. Nodes the user can work on.
            out.step("List the nodes");
            NodeListPage nodes = flow.nodes().list(NodeListParams.none());
            out.result(nodes.items().size() + " node(s)");
            for (Node n : nodes.items()) {
                UUID id = n.uuid().orElse(null);
                out.detail("- " + n.name().orElse("?") + " (" + id + ")" + (node.equals(id) ? "  <- the Node header" : ""));
            }

            // 2. Automations of the node (the Node header is set once on the builder).
            out.step("List the automations of node " + node);
            AutomationListPage automations = flow.automations().list(AutomationListParams.none());
            for (Automation a : automations.items()) {
                out.detail("- " + a.name().orElse("?") + " [" + a.status().map(String::valueOf).orElse("?") + "]" + queued(a));
            }
            out.result(automations.items().size() + " automation(s)");

            // 3. and 4. Customers into an automation: one, then a batch.
            Optional<UUID> target = cfg.optionalSetting("CONTACTFLOW_AUTOMATION_ID").map(UUID::fromString);
            out.step("Add a customer to an automation");
            if (target.isEmpty()) {
                out.note("skipped: set CONTACTFLOW_AUTOMATION_ID to the automation that may receive test customers");
            } else {
                Customer added = flow.customers().add(CustomerAddParams.builder()
                        .automationUuid(target.get())
                        .body(Customer.builder()
                                .attributes(Map.of("email", "mario.rossi@example.it", "firstName", "Mario", "lastName", "Rossi"))
                                .build())
                        .build());
                out.result("customer " + added.uuid().map(String::valueOf).orElse("?") + " is in '"
                        + added.automationName().orElse("?") + "'");

                out.step("Add a batch of 3 customers (one packet: LAST)");
                CustomersBatchStatus batch = flow.customers().addBatch(CustomerAddBatchParams.builder()
                        .automationUuid(target.get())
                        .body(CustomersBatch.builder()
                                .sourceLabel("examples")
                                .packet(CustomersBatch.PacketEnum.LAST)
                                .customers(List.of(
                                        CustomerOfBatch.builder().attributes(Map.of("email", "anna.bianchi@example.it")).build(),
                                        CustomerOfBatch.builder().attributes(Map.of("email", "luca.verdi@example.it")).build(),
                                        CustomerOfBatch.builder().attributes(Map.of("email", "sara.neri@example.it")).build()))
                                .build())
                        .build());
                out.result("batch " + batch.sourceUuid().map(String::valueOf).orElse("?") + " ("
                        + batch.sourceLabel().orElse("?") + ") is " + batch.status().map(String::valueOf).orElse("?"));
                Automation after = flow.automations().retrieve(target.get());
                out.detail("'" + after.name().orElse("?") + "' after the additions" + queued(after));
            }

            // 5. The CSV report, streamed from the socket to a file in constant memory.
            out.step("Download the automations report (CSV) to a file, streaming");
            Path file = Files.createTempFile("contactflow-automations-", ".csv");
            try {
                long bytes;
                try (BinaryResponse report = flow.automations().downloadReport(AutomationDownloadReportParams.none())) {
                    out.detail("Content-Type " + report.contentType() + ", declared length " + report.contentLength());
                    bytes = report.saveTo(file);
                }
                long lines;
                String header;
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    header = reader.readLine();
                    lines = header == null ? 0 : 1 + reader.lines().count();
                }
                out.result(String.format(java.util.Locale.ROOT, "%,d bytes, %,d lines -> %s", bytes, lines, file));
                out.detail("columns: " + Examples.shorten(header, 90));
            } finally {
                Files.deleteIfExists(file);
            }
        }

        if (ctx.sandbox()) {
            out.step("Call with a wrong token");
            try (ContactflowClient wrong = ctx.configure(ContactflowClient.builder()).oauth2Token(Sandbox.INVALID_TOKEN).node(node).build()) {
                wrong.nodes().list(NodeListParams.none());
                out.note("unexpectedly accepted");
            } catch (UnauthorizedException e) {
                out.result("UnauthorizedException -> the message a user sees:");
                out.detail(Examples.credentialsMessage(Api.CONTACTFLOW, e));
            }
        }
    }

    private static String queued(Automation a) {
        return a.statistics().flatMap(AutomationStatistics::queuedCustomers).map(q -> ", " + q + " queued").orElse("");
    }
}
