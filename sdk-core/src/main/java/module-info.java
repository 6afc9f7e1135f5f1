/**
 * The runtime every martech-sdk client is built on: transport, auth, retries, paging, errors, redacting logs.
 * A real module (not only an automatic name) so that a consumer on the module path gets Jackson and OkHttp
 * resolved without {@code --add-modules}.
 */
module dev.martech.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.datatype.jsr310;
    requires transitive okhttp3;

    exports dev.martech.core;
    exports dev.martech.core.auth;
    exports dev.martech.core.errors;
    exports dev.martech.core.http;
    exports dev.martech.core.json;
    exports dev.martech.core.logging;
    exports dev.martech.core.paging;
    exports dev.martech.core.retry;
    // Used by the generated code only; not API.
    exports dev.martech.core.internal to dev.martech.targeting, dev.martech.socialhub, dev.martech.contacthub,
            dev.martech.contactflow;
}
