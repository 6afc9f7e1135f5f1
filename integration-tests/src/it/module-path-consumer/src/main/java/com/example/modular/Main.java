package com.example.modular;

import com.sun.net.httpserver.HttpServer;
import dev.martech.core.errors.NotFoundException;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.model.Recipient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** One successful call (JSON decoded into generated models) and one typed error, on the module path. */
public final class Main {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().contains("/00000000-0000-0000-0000-000000000001/");
            byte[] body = (known ? "{\"results\":[{\"title\":\"Ada Lovelace\"}],\"total\":1}"
                    : "{\"message\":\"campaign not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        try (TargetingClient targeting = TargetingClient.builder().baseUrl(baseUrl).bearerToken("t").build()) {
            List<String> titles = targeting.recipients().list(RecipientListParams.builder()
                    .campaignId(UUID.fromString("00000000-0000-0000-0000-000000000001")).build()).items().stream()
                    .map(r -> r.title().orElse("")).collect(Collectors.toList());
            check(titles.equals(List.of("Ada Lovelace")), "decoded " + titles);
            try {
                targeting.recipients().list(RecipientListParams.builder().campaignId(UUID.randomUUID()).build());
                check(false, "expected a 404");
            } catch (NotFoundException e) {
                check(e.apiMessage().orElse("").equals("campaign not found"), "error message " + e.apiMessage());
            }
        } finally {
            server.stop(0);
        }
        check(TargetingClient.class.getModule().isNamed(), "TargetingClient is in a named module");
        System.out.println("module path OK: " + TargetingClient.class.getModule().getName() + " + "
                + TargetingClient.class.getModule().getLayer().modules().stream().map(Module::getName).sorted()
                        .filter(n -> n.startsWith("dev.martech") || n.startsWith("com.fasterxml") || n.startsWith("okhttp"))
                        .collect(Collectors.joining(", ")));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("module path consumer FAILED: " + what);
            System.exit(1);
        }
    }
}
