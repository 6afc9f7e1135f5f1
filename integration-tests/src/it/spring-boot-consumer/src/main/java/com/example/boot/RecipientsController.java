package com.example.boot;

import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Counts a campaign's recipients through the SDK. */
@RestController
public class RecipientsController {
    private final TargetingClient targeting;

    public RecipientsController(TargetingClient targeting) {
        this.targeting = targeting;
    }

    @GetMapping("/campaigns/{id}/recipients/count")
    public long count(@PathVariable("id") UUID id) {
        return targeting.recipients().list(RecipientListParams.builder().campaignId(id).build()).autoPager().stream().count();
    }
}
