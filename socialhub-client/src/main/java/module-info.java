/**
 * The {@link dev.martech.socialhub.SocialHubClient} and its generated operations and models.
 */
module dev.martech.socialhub {
    requires transitive dev.martech.core;
    requires static jakarta.annotation;

    exports dev.martech.socialhub;
    exports dev.martech.socialhub.api;
    exports dev.martech.socialhub.model;
    // Jackson reads and writes the models reflectively.
    opens dev.martech.socialhub.model to com.fasterxml.jackson.databind;
}
