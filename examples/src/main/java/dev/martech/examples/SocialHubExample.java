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
import dev.martech.socialhub.model.ChannelSummaryProducts;
import dev.martech.socialhub.model.Content;
import dev.martech.socialhub.model.CreatePostGroupRequest;
import dev.martech.socialhub.model.Post;
import dev.martech.socialhub.model.PostChannel;
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
            out.result(me.accountName().orElse("?") + " (" + me._package().map(String::valueOf).orElse("?") + "), user "
                    + me.userName().orElse("?") + ", role " + me.role().map(String::valueOf).orElse("?")
                    + ", " + me.activeChannelIds().size() + " of " + me.channelIds().size() + " channels active");

            // 2. The channels.
            out.step("List the channels");
            List<ChannelSummary> channels = socialHub.channels().listSummaries(ChannelListSummariesParams.none());
            out.result(channels.size() + " channels");
            for (ChannelSummary ch : channels) {
                out.detail("- " + ch.name().orElse("?") + " (" + ch.socialNetwork().map(String::valueOf).orElse("?") + ", id "
                        + ch.id().orElse("?") + ")");
            }

            // 3. Every post, 3 per request: offset/count paging stops at the first empty page.
            out.step("Page through all posts (offset/count paging, 3 per page)");
            int n = 0;
            for (Post p : socialHub.posts().list(PostListParams.builder().count(3).build()).autoPager()) {
                if (n++ < 4) {
                    out.detail("- [" + p.status().map(String::valueOf).orElse("?") + "] "
                            + p.channel().flatMap(PostChannel::socialNetwork).map(String::valueOf).orElse("?") + ": "
                            + Examples.shorten(p.content().flatMap(Content::text).orElse(""), 60));
                }
            }
            out.result(n + " posts");

            // 4. Create something: a post group (one empty draft post per channel).
            String channelId = cfg.optionalSetting("SOCIALHUB_CHANNEL_ID")
                    .orElseGet(() -> channels.stream().filter(c -> c.products().flatMap(ChannelSummaryProducts::cp).orElse(true))
                            .findFirst().flatMap(ChannelSummary::id)
                            .orElseThrow(() -> new IllegalStateException("the account has no Content Planner channel")));
            OffsetDateTime inTwoDays = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
            out.step("Create a post group on channel " + channelId);
            PostGroup group = socialHub.posts().createGroup(PostCreateGroupParams.builder()
                    .body(CreatePostGroupRequest.builder()
                            .channelIds(List.of(channelId)).publishTime(inTwoDays).publishTimeZone("Europe/Berlin").build())
                    .build());
            String groupId = group.id().orElseThrow();
            Post draft = socialHub.posts().list(PostListParams.builder().postGroupId(groupId).build()).items().get(0);
            String draftId = draft.id().orElseThrow();
            out.result("post group " + groupId + " with draft post " + draftId + " [" + draft.status().map(String::valueOf).orElse("?") + "]");

            // 5. A validation error: a publish time in the past. The 400 body decodes into ValidationError.
            out.step("Give the post a publish time in the past (a validation error), then fix it");
            Content content = Content.builder().text("Wärmepumpen-Infoabend am Donnerstag: jetzt anmelden!").build();
            try {
                socialHub.posts().update(PostUpdateParams.builder().id(draftId)
                        .body(Post.builder().content(content).publishTime(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)).build()).build());
                out.note("unexpectedly accepted");
            } catch (BadRequestException e) {
                String detail = e.errorBody(ValidationError.class)
                        .map(v -> v.code().orElse("") + ": " + v.message().orElse("") + v.errors().map(errors -> " " + errors._additionalProperties()).orElse(""))
                        .orElse(e.rawBody());
                out.result("BadRequestException (400) -> " + detail);
            }
            Post saved = socialHub.posts().update(PostUpdateParams.builder().id(draftId)
                    .body(Post.builder().content(content).publishTime(inTwoDays).build()).build());
            out.result("fixed: publishes at " + saved.publishTime().map(String::valueOf).orElse("?") + " ("
                    + saved.publishTimeZone().orElse("?") + "): \""
                    + Examples.shorten(saved.content().flatMap(Content::text).orElse(""), 50) + "\"");
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

}
