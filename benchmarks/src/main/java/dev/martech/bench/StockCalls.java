package dev.martech.bench;

import java.util.UUID;
import org.openapitools.stock.targeting.api.CampaignRecipientApi;
import org.openapitools.stock.targeting.client.ApiClient;
import org.openapitools.stock.targeting.client.ApiException;

/** The stock openapi-generator client (java / native) for the same operation, with its own model classes. */
public final class StockCalls {
    private final CampaignRecipientApi api;

    private StockCalls(CampaignRecipientApi api) {
        this.api = api;
    }

    public static StockCalls create(String baseUrl) {
        ApiClient client = new ApiClient();
        // HTTP/1.1 like the others (the default HTTP/2 would first try an h2c upgrade on cleartext).
        client.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + Fixtures.TOKEN));
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
