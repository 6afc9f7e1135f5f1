package dev.martech.examples;

import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.UnauthorizedException;
import dev.martech.examples.ApiConfig.Api;
import dev.martech.sandbox.Sandbox;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.CampaignMatchParams;
import dev.martech.targeting.api.RecipientCreateParams;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.api.RecipientUpdateParams;
import dev.martech.targeting.api.RecipientUpdatePortalStatusParams;
import dev.martech.targeting.model.AutomationRecipientCreate;
import dev.martech.targeting.model.AutomationStatus;
import dev.martech.targeting.model.Campaign;
import dev.martech.targeting.model.CampaignMatch;
import dev.martech.targeting.model.ClientError;
import dev.martech.targeting.model.CodeError;
import dev.martech.targeting.model.EntityRef;
import dev.martech.targeting.model.MatchCampaignRequest;
import dev.martech.targeting.model.MatchCampaignsResponse;
import dev.martech.targeting.model.MessageError;
import dev.martech.targeting.model.PortalStatus;
import dev.martech.targeting.model.Recipient;
import dev.martech.targeting.model.StatusedError;
import dev.martech.targeting.model.UpdatePortalStatusRequest;
import dev.martech.targeting.model.UpdateRecipientPayload;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * epilot Targeting: match campaigns for a contact, page through a campaign's recipients, create and update a
 * recipient, change a campaign's status, and tell the {@link ClientError} variants apart.
 *
 * <p>Real service: {@code TARGETING_TOKEN}, {@code TARGETING_CAMPAIGN_ID}, {@code TARGETING_ENTITY_ID}
 * (optional {@code TARGETING_BASE_URL}). The status change is only made against the real service when
 * {@code TARGETING_STATUS_CAMPAIGN_ID} names a campaign to toggle, since it starts automations.
 */
public final class TargetingExample {
    private TargetingExample() {
    }

    /**
     * Runs the flow against the sandbox, or the service the environment names.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Examples.main(Api.TARGETING, TargetingExample::run));
    }

    static void run(Examples.Context ctx) {
        Console out = ctx.console();
        ApiConfig cfg = ctx.config();
        UUID campaignId = cfg.uuidSetting("TARGETING_CAMPAIGN_ID");
        UUID contactId = cfg.uuidSetting("TARGETING_ENTITY_ID");

        try (TargetingClient targeting = ctx.configure(TargetingClient.builder()).bearerToken(cfg.token()).build()) {
            // 1. Which campaigns is this contact part of?
            Set<UUID> candidates = new LinkedHashSet<>();
            candidates.add(campaignId);
            if (ctx.sandbox()) {
                candidates.add(Sandbox.TARGETING_DRAFT_CAMPAIGN_ID);
                candidates.add(Sandbox.TARGETING_UNTARGETED_CAMPAIGN_ID);
            }
            out.step("Match campaigns for contact " + contactId + " among " + candidates.size() + " campaign(s)");
            MatchCampaignsResponse matched = targeting.campaigns().match(CampaignMatchParams.builder()
                    .body(MatchCampaignRequest.builder()
                            .addEntityRefsItem(EntityRef.builder().entityId(contactId).entitySchema("contact").build())
                            .campaignIds(candidates)
                            .build())
                    .build());
            out.result(matched.results().size() + " matching campaign(s)");
            for (CampaignMatch m : matched.results()) {
                Campaign c = m.campaign();
                out.detail("- " + c.name().orElse("") + " [" + c.status().map(String::valueOf).orElse("no status") + "], "
                        + c.startDate().map(String::valueOf).orElse("open") + " to " + c.endDate().map(String::valueOf).orElse("open"));
            }

            // 2. Every recipient, page by page (cursor paging, 4 per page), without holding more than a page.
            out.step("Page through all recipients of campaign " + campaignId + " (4 per page)");
            Map<String, Integer> byStatus = new TreeMap<>();
            int count = 0;
            for (Recipient r : targeting.recipients().list(RecipientListParams.builder()
                    .campaignId(campaignId).limit(4).build()).autoPager()) {
                byStatus.merge(r.automationStatus().map(String::valueOf).orElse("none"), 1, Integer::sum);
                if (count++ < 3) {
                    out.detail("- " + r.title().orElse("(untitled)") + ": automation " + r.automationStatus().map(String::valueOf).orElse("none")
                            + ", portal " + r.portalStatus().map(String::valueOf).orElse("none"));
                }
            }
            out.result(count + " recipients; by automation status " + byStatus);

            // 3. Create a recipient, then see it listed.
            UUID newContact = UUID.randomUUID();
            out.step("Create a recipient for contact " + newContact);
            Recipient created = targeting.recipients().create(RecipientCreateParams.builder()
                    .campaignId(campaignId)
                    .body(AutomationRecipientCreate.builder()
                            .entityId(newContact).entitySchema("contact")
                            .automationStatus(AutomationStatus.PENDING)
                            .automationExecutionId("exec_examples_" + newContact.toString().substring(0, 8))
                            .build())
                    .build());
            out.result("created '" + created.title().orElse("(untitled)") + "', automation " + created.automationStatus().map(String::valueOf).orElse("none"));
            Integer total = targeting.recipients()
                    .list(RecipientListParams.builder().campaignId(campaignId).limit(1).build()).response().total().orElse(null);
            out.detail("the campaign now lists " + total + " recipients");

            // 4. Update it: the automation ran and the portal banner was sent.
            out.step("Update the recipient: automation succeeded, portal banner sent");
            Recipient updated = targeting.recipients().update(RecipientUpdateParams.builder()
                    .campaignId(campaignId).recipientId(newContact)
                    .body(UpdateRecipientPayload.builder().automationStatus(AutomationStatus.SUCCESS).portalStatus(PortalStatus.SENT).build())
                    .build());
            out.result("automation " + updated.automationStatus().map(String::valueOf).orElse("none") + ", portal "
                    + updated.portalStatus().map(String::valueOf).orElse("none") + ", updated at "
                    + updated.updatedAt().map(String::valueOf).orElse("-"));

            // 5. Change a campaign's status (draft/inactive -> active, active -> inactive).
            UUID toggle = ctx.sandbox() ? Sandbox.TARGETING_DRAFT_CAMPAIGN_ID
                    : cfg.optionalSetting("TARGETING_STATUS_CAMPAIGN_ID").map(UUID::fromString).orElse(null);
            out.step("Change a campaign's status");
            if (toggle == null) {
                out.note("skipped: set TARGETING_STATUS_CAMPAIGN_ID to a campaign whose status may change (it starts automations)");
            } else {
                Campaign c = targeting.campaigns().changeStatus(toggle).campaign().orElseThrow();
                out.result("'" + c.name().orElse("") + "' is now " + c.status().map(String::valueOf).orElse("no status"));
            }

            // 6. Client errors come in three shapes; the sealed ClientError says which one arrived.
            out.step("Handle client errors (ClientError is a sealed union: MessageError | CodeError | StatusedError)");
            UUID noTarget = ctx.sandbox() ? Sandbox.TARGETING_UNTARGETED_CAMPAIGN_ID : UUID.randomUUID();
            clientError(out, "activate a campaign " + (ctx.sandbox() ? "without a target" : "that does not exist"),
                    () -> targeting.campaigns().changeStatus(noTarget));
            clientError(out, "ask for 500 recipients per page",
                    () -> targeting.recipients().list(RecipientListParams.builder().campaignId(campaignId).limit(500).build()));
            targeting.recipients().updatePortalStatus(RecipientUpdatePortalStatusParams.builder()
                    .campaignId(campaignId).recipientId(newContact)
                    .body(UpdatePortalStatusRequest.builder().status(PortalStatus.CLICKED).build()).build());
            clientError(out, "move a clicked banner back to 'seen'",
                    () -> targeting.recipients().updatePortalStatus(RecipientUpdatePortalStatusParams.builder()
                            .campaignId(campaignId).recipientId(newContact)
                            .body(UpdatePortalStatusRequest.builder().status(PortalStatus.SEEN).build()).build()));
        }

        if (ctx.sandbox()) {
            // 7. What a wrong token looks like (the sandbox refuses "invalid-token").
            out.step("Call with a wrong token");
            try (TargetingClient wrong = ctx.configure(TargetingClient.builder()).bearerToken(Sandbox.INVALID_TOKEN).build()) {
                wrong.campaigns().retrieveJobStatus(campaignId);
                out.note("unexpectedly accepted");
            } catch (UnauthorizedException e) {
                out.result("UnauthorizedException -> the message a user sees:");
                out.detail(Examples.credentialsMessage(Api.TARGETING, e));
            }
        }
    }

    private static void clientError(Console out, String what, Runnable call) {
        try {
            call.run();
            out.note(what + ": unexpectedly succeeded");
        } catch (ApiStatusException e) {
            String variant = e.errorBody(ClientError.class).map(TargetingExample::describe).orElse("no ClientError body: " + e.rawBody());
            out.result(what + " -> " + e.getClass().getSimpleName() + " (" + e.status() + "), " + variant);
        }
    }

    /**
     * Says which variant of the union arrived and what it holds.
     *
     * @param error a decoded 4xx body
     * @return a one-line description
     */
    static String describe(ClientError error) {
        if (error instanceof CodeError) {
            CodeError c = (CodeError) error;
            return "CodeError code=" + c.code() + (c.code().isKnown() ? "" : " (a code newer than this SDK)");
        }
        if (error instanceof MessageError) {
            return "MessageError message=\"" + ((MessageError) error).message() + "\"";
        }
        if (error instanceof StatusedError) {
            StatusedError s = (StatusedError) error;
            return "StatusedError status=" + s.status() + " error=\"" + s.error() + "\"";
        }
        return "an unknown shape: " + ((ClientError.Unknown) error).json();
    }

}
