/**
 * The {@link dev.martech.contactflow.ContactflowClient} and its generated operations and models.
 */
module dev.martech.contactflow {
    requires transitive dev.martech.core;
    requires static jakarta.annotation;

    exports dev.martech.contactflow;
    exports dev.martech.contactflow.api;
    exports dev.martech.contactflow.model;
    // Jackson reads and writes the models reflectively.
    opens dev.martech.contactflow.model to com.fasterxml.jackson.databind;
}
