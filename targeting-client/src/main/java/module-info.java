/**
 * The {@link dev.martech.targeting.TargetingClient} and its generated operations and models.
 */
module dev.martech.targeting {
    requires transitive dev.martech.core;
    requires static jakarta.annotation;

    exports dev.martech.targeting;
    exports dev.martech.targeting.api;
    exports dev.martech.targeting.model;
    // Jackson reads and writes the models reflectively.
    opens dev.martech.targeting.model to com.fasterxml.jackson.databind;
}
