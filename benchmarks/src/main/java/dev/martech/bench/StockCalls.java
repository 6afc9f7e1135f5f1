package dev.martech.bench;

import java.util.UUID;
import org.openapitools.stock.targeting.api.CampaignRecipientApi;
import org.openapitools.stock.targeting.client.ApiClient;
import org.openapitools.stock.targeting.client.ApiException;

/** The stock openapi-generator client (java generator, default library okhttp-gson) for the same operation, with its own model classes. */
public final class StockCalls {
    /** The stock generator's library this client was generated with (benchmarks/pom.xml). */
    public static final String LIBRARY = "okhttp-gson";

    private final CampaignRecipientApi api;

    private StockCalls(CampaignRecipientApi api) {
        this.api = api;
    }

    public static StockCalls create(String baseUrl) {
        ApiClient client = new ApiClient(); // its own default OkHttpClient
        client.setBasePath(baseUrl);
        client.addDefaultHeader("Authorization", "Bearer " + Fixtures.TOKEN);
        return new StockCalls(new CampaignRecipientApi(client));
    }

    public int get(UUID campaign, int expected) {
        try {
            var page = api.getRecipients(campaign, expected, null, null, null, null);
            int n = page.getResults().size();
            if (n != expected) {
                throw new IllegalStateException("expected " + expected + " recipients but got " + n);
            }
            var last = page.getResults().get(n - 1);
            return n + last.getTitle().length() + (last.getPortalState() == null ? 0 : last.getPortalState().size());
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
