package dev.martech.examples;

import dev.martech.core.errors.BadRequestException;
import dev.martech.core.errors.UnauthorizedException;
import dev.martech.examples.ApiConfig.Api;
import dev.martech.sandbox.Sandbox;
import dev.martech.socialhub.SocialHubClient;
import dev.martech.socialhub.api.ChannelListSummariesParams;
import dev.martech.socialhub.api.PostCreateGroupParams;
import dev.martech.socialhub.api.PostListParams;
import dev.martech.socialhub.api.PostUpdateParams;
import dev.martech.socialhub.model.ChannelSummary;
import dev.martech.socialhub.model.Content;
import dev.martech.socialhub.model.CreatePostGroupRequest;
import dev.martech.socialhub.model.Post;
import dev.martech.socialhub.model.PostGroup;
import dev.martech.socialhub.model.ValidationError;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * SocialHub: account info ({@code GET /}), the channels, every post with offset/count paging, then create a
 * post group and trip (and fix) a validation error on its post.
 *
 * <p>Real service: {@code SOCIALHUB_TOKEN} (optional {@code SOCIALHUB_BASE_URL}, {@code SOCIALHUB_CHANNEL_ID};
 * without the latter the first Content Planner channel is used). The flow creates a post group with one draft
 * post and schedules it two days ahead.
 */
public final class SocialHubExample {
    private SocialHubExample() {
    }

    /**
     * Runs the flow against the sandbox, or the service the environment names.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Examples.main(Api.SOCIALHUB, SocialHubExample::run));
    }

    static void run(Examples.Context ctx) {
        Console out = ctx.console();
        ApiConfig cfg = ctx.config();
        try (SocialHubClient socialHub = ctx.configure(SocialHubClient.builder()).accessToken(cfg.token()).build()) {
            // 1. Who am I? (GET /)
            out.step("Read the account info");
            var me = socialHub.general().retrieveAccountInfo();
            out.result(me.getAccountName() + " (" + me.getPackage() + "), user " + me.getUserName() + ", role " + me.getRole()
                    + ", " + size(me.getActiveChannelIds()) + " of " + size(me.getChannelIds()) + " channels active");

            // 2. The channels.
            out.step("List the channels");
            List<ChannelSummary> channels = socialHub.channels().listSummaries(ChannelListSummariesParams.none());
            out.result(channels.size() + " channels");
            for (ChannelSummary ch : channels) {
                out.detail("- " + ch.getName() + " (" + ch.getSocialNetwork() + ", id " + ch.getId() + ")");
            }

            // 3. Every post, 3 per request: offset/count paging stops at the first empty page.
            out.step("Page through all posts (offset/count paging, 3 per page)");
            int n = 0;
            for (Post p : socialHub.posts().list(PostListParams.builder().count(3).build()).autoPager()) {
                if (n++ < 4) {
                    out.detail("- [" + p.getStatus() + "] " + p.getChannel().getSocialNetwork() + ": "
                            + Examples.shorten(p.getContent() == null ? "" : p.getContent().getText(), 60));
                }
            }
            out.result(n + " posts");

            // 4. Create something: a post group (one empty draft post per channel).
            String channelId = cfg.optionalSetting("SOCIALHUB_CHANNEL_ID")
                    .orElseGet(() -> channels.stream().filter(c -> c.getProducts() == null || !Boolean.FALSE.equals(c.getProducts().getCp()))
                            .findFirst().map(ChannelSummary::getId)
                            .orElseThrow(() -> new IllegalStateException("the account has no Content Planner channel")));
            OffsetDateTime inTwoDays = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
            out.step("Create a post group on channel " + channelId);
            PostGroup group = socialHub.posts().createGroup(PostCreateGroupParams.builder()
                    .body(new CreatePostGroupRequest()
                            .channelIds(List.of(channelId)).publishTime(inTwoDays).publishTimeZone("Europe/Berlin"))
                    .build());
            Post draft = socialHub.posts().list(PostListParams.builder().postGroupId(group.getId()).build()).items().get(0);
            out.result("post group " + group.getId() + " with draft post " + draft.getId() + " [" + draft.getStatus() + "]");

            // 5. A validation error: a publish time in the past. The 400 body decodes into ValidationError.
            out.step("Give the post a publish time in the past (a validation error), then fix it");
            Content content = new Content().text("Wärmepumpen-Infoabend am Donnerstag: jetzt anmelden!");
            try {
                socialHub.posts().update(PostUpdateParams.builder().id(draft.getId())
                        .body(new Post().content(content).publishTime(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))).build());
                out.note("unexpectedly accepted");
            } catch (BadRequestException e) {
                String detail = e.errorBody(ValidationError.class)
                        .map(v -> v.getCode() + ": " + v.getMessage() + (v.getErrors() == null ? "" : " " + v.getErrors().additionalProperties()))
                        .orElse(e.rawBody());
                out.result("BadRequestException (400) -> " + detail);
            }
            Post saved = socialHub.posts().update(PostUpdateParams.builder().id(draft.getId())
                    .body(new Post().content(content).publishTime(inTwoDays)).build());
            out.result("fixed: publishes at " + saved.getPublishTime() + " (" + saved.getPublishTimeZone() + "): \""
                    + Examples.shorten(saved.getContent().getText(), 50) + "\"");
        }

        if (ctx.sandbox()) {
            out.step("Call with a wrong token (sent as the accesstoken query parameter, never printed)");
            try (SocialHubClient wrong = ctx.configure(SocialHubClient.builder()).accessToken(Sandbox.INVALID_TOKEN).build()) {
                wrong.general().retrieveAccountInfo();
                out.note("unexpectedly accepted");
            } catch (UnauthorizedException e) {
                out.result("UnauthorizedException -> the message a user sees:");
                out.detail(Examples.credentialsMessage(Api.SOCIALHUB, e));
            }
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
