/**
 * The {@link dev.martech.contacthub.ContacthubClient} and its generated operations and models.
 */
module dev.martech.contacthub {
    requires transitive dev.martech.core;
    requires static jakarta.annotation;

    exports dev.martech.contacthub;
    exports dev.martech.contacthub.api;
    exports dev.martech.contacthub.model;
    // Jackson reads and writes the models reflectively.
    opens dev.martech.contacthub.model to com.fasterxml.jackson.databind;
}
