package dev.martech.examples;

import dev.martech.contacthub.ContacthubClient;
import dev.martech.contacthub.api.CustomerCreateParams;
import dev.martech.contacthub.api.CustomerDeleteParams;
import dev.martech.contacthub.api.CustomerListParams;
import dev.martech.contacthub.api.CustomerRetrieveParams;
import dev.martech.contacthub.api.EventCreateParams;
import dev.martech.contacthub.api.UpdateRetrieveLastOffsetParams;
import dev.martech.contacthub.model.ApiError;
import dev.martech.contacthub.model.Customer;
import dev.martech.contacthub.model.CustomerCreate;
import dev.martech.contacthub.model.EventContext;
import dev.martech.contacthub.model.EventCreate;
import dev.martech.contacthub.model.EventCreated;
import dev.martech.contacthub.model.EventType;
import dev.martech.core.errors.ConflictException;
import dev.martech.core.errors.NotFoundException;
import dev.martech.core.errors.UnauthorizedException;
import dev.martech.examples.ApiConfig.Api;
import dev.martech.sandbox.Sandbox;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Contactlab Contacthub: create a customer, add an event for it, page through the customers of a node, read
 * the update stream offset, and handle a 409 (same external id again) and a 404 (unknown customer).
 *
 * <p>Real service: {@code CONTACTHUB_TOKEN}, {@code CONTACTHUB_WORKSPACE_ID}, {@code CONTACTHUB_NODE_ID}
 * (optional {@code CONTACTHUB_BASE_URL}). The customer the flow creates is deleted at the end.
 */
public final class ContacthubExample {
    private ContacthubExample() {
    }

    /**
     * Runs the flow against the sandbox, or the service the environment names.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Examples.main(Api.CONTACTHUB, ContacthubExample::run));
    }

    static void run(Examples.Context ctx) {
        Console out = ctx.console();
        ApiConfig cfg = ctx.config();
        UUID workspace = cfg.uuidSetting("CONTACTHUB_WORKSPACE_ID");
        UUID node = cfg.uuidSetting("CONTACTHUB_NODE_ID");

        try (ContacthubClient hub = ctx.configure(ContacthubClient.builder()).oauth2Token(cfg.token()).build()) {
            // 1. Create a customer.
            String externalId = String.format(Locale.ROOT, "EX-%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            CustomerCreate newCustomer = CustomerCreate.builder()
                    .nodeId(node)
                    .externalId(externalId)
                    .putBaseItem("firstName", "Ada")
                    .putBaseItem("lastName", "Lovelace")
                    .putBaseItem("contacts", Map.of("email", "ada.lovelace+" + externalId.toLowerCase(Locale.ROOT) + "@example.com"))
                    .build();
            out.step("Create customer " + externalId + " in node " + node);
            CustomerCreateParams create = CustomerCreateParams.builder().workspaceId(workspace).body(newCustomer).build();
            Customer customer = hub.customers().create(create);
            UUID customerId = customer.id().orElseThrow();
            out.result("customer " + customerId + ", registered " + customer.registeredAt().map(String::valueOf).orElse("?"));

            // 2. The same external id again: 409, with the existing customer's id in the body.
            out.step("Create it again (same external id): a 409 Conflict");
            try {
                hub.customers().create(create);
                out.note("accepted: this node merges duplicates instead of refusing them");
            } catch (ConflictException e) {
                Object existing = e.errorBody(ApiError.class).map(ApiError::_additionalProperties).map(m -> m.get("data")).orElse(null);
                out.result("ConflictException (409) \"" + e.apiMessage().orElse("") + "\", logref "
                        + e.referenceId().orElse("-") + (existing == null ? "" : ", data " + existing));
            }

            // 3. An event for the customer (accepted asynchronously: 202).
            out.step("Add a 'viewedProduct' event for the customer");
            EventCreated event = hub.events().create(EventCreateParams.builder()
                    .workspaceId(workspace)
                    .body(EventCreate.builder()
                            .customerId(customerId)
                            .type(EventType.VIEWED_PRODUCT)
                            .context(EventContext.ECOMMERCE)
                            .putPropertiesItem("id", "HP-AW-12")
                            .putPropertiesItem("name", "Air-to-water heat pump 12 kW")
                            .putPropertiesItem("price", 11990.0)
                            .build())
                    .build());
            out.result("event " + event.id().map(String::valueOf).orElse("?") + " accepted");

            // 4. Every customer of the node, 5 per page (page-number paging).
            out.step("Page through the customers of node " + node + " (5 per page)");
            int n = 0;
            for (Customer c : hub.customers().list(CustomerListParams.builder()
                    .workspaceId(workspace).nodeId(node).size(5).build()).autoPager()) {
                if (n++ < 3) {
                    out.detail("- " + c.externalId().orElse("?") + " " + name(c));
                }
            }
            out.result(n + " customers");

            // 5. Where the update stream is (a consumer would resume from here).
            out.step("Read the update stream's last offset");
            Integer offset = hub.updates().retrieveLastOffset(UpdateRetrieveLastOffsetParams.builder()
                    .workspaceId(workspace).nodeId(node).build()).lastOffset().orElse(null);
            out.result("last offset " + offset);

            // 6. A customer that does not exist: 404.
            UUID missing = UUID.randomUUID();
            out.step("Read a customer that does not exist: a 404");
            try {
                hub.customers().retrieve(CustomerRetrieveParams.builder().workspaceId(workspace).customerId(missing).build());
                out.note("unexpectedly found");
            } catch (NotFoundException e) {
                out.result("NotFoundException (404) \"" + e.apiMessage().orElse("") + "\", logref " + e.referenceId().orElse("-"));
            }

            // 7. Clean up.
            out.step("Delete the customer the flow created");
            hub.customers().delete(CustomerDeleteParams.builder().workspaceId(workspace).customerId(customerId).build());
            out.result("deleted " + customerId);
        }

        if (ctx.sandbox()) {
            out.step("Call with a wrong token");
            try (ContacthubClient wrong = ctx.configure(ContacthubClient.builder()).oauth2Token(Sandbox.INVALID_TOKEN).build()) {
                wrong.customers().retrieve(CustomerRetrieveParams.builder().workspaceId(workspace).customerId(UUID.randomUUID()).build());
                out.note("unexpectedly accepted");
            } catch (UnauthorizedException e) {
                out.result("UnauthorizedException -> the message a user sees:");
                out.detail(Examples.credentialsMessage(Api.CONTACTHUB, e));
            }
        }
    }

    private static String name(Customer c) {
        Map<String, Object> base = c.base();
        return base.isEmpty() ? "" : base.getOrDefault("firstName", "") + " " + base.getOrDefault("lastName", "");
    }
}
